import { defaultSpaceSettings } from '../../domain';
import type { JiraClient } from '../ports/jira';
import type { SpaceStore, StoredSpace } from '../ports/space-store';

export interface LoadSpaceDeps {
  readonly spaceStore: Pick<SpaceStore, 'get' | 'save'>;
  readonly jira: JiraClient;
}

/**
 * The space's record. A service space the app has no record of existed before the app was
 * installed (new spaces get theirs from the space-created trigger), so live chat is off there
 * until an admin turns it on. What JSM says of the space (its service desk, name, site) is
 * written the first time it is needed, once, so the portal's frequent reads cost no Jira call.
 * Null when no such service space exists.
 */
export async function loadSpace(deps: LoadSpaceDeps, projectKey: string): Promise<StoredSpace | null> {
  const stored = await deps.spaceStore.get(projectKey);
  if (stored && stored.serviceDeskId) return stored;
  const desk = await deps.jira.serviceDesk(projectKey);
  if (!desk) return stored;
  const base = stored ?? unrecordedSpace(projectKey, { existedBeforeInstall: true });
  const known: StoredSpace = {
    ...base,
    projectId: desk.projectId,
    projectName: desk.projectName,
    serviceDeskId: desk.serviceDeskId,
    siteUrl: desk.siteUrl
  };
  if ((await deps.spaceStore.save(known)) === 'saved') return { ...known, version: known.version + 1 };
  // Someone wrote it meanwhile (an admin, the created event): theirs is the record.
  return (await deps.spaceStore.get(projectKey)) ?? known;
}

/** A record not yet written (version 0): its first save creates it. */
export function unrecordedSpace(
  projectKey: string,
  origin: { existedBeforeInstall: boolean },
  project?: { id: string; name: string }
): StoredSpace {
  return {
    projectKey,
    origin: origin.existedBeforeInstall ? 'seen' : 'created',
    projectId: project?.id ?? '',
    projectName: project?.name ?? projectKey,
    serviceDeskId: '',
    settings: defaultSpaceSettings(origin),
    deactivated: false,
    setUpAt: null,
    setUpBy: null,
    teamFieldId: null,
    siteUrl: '',
    version: 0
  };
}
