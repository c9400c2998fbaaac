import type { JiraClient } from '../ports/jira';
import { unrecordedSpace } from './load-space';
import type { SpaceStore } from '../ports/space-store';

/**
 * The settings table: live chat starts on for spaces created after the app was installed.
 * Jira tells the app of a new space once (avi:jira:created:project); its record is written
 * then, with live chat on. A space with no record existed before (load-space.ts). If the app
 * saw the space first (its portal was opened before the event arrived) and nobody has changed
 * that record since, the event still turns live chat on; any other record (an admin's save, a
 * redelivered event) is left alone. The event may not say the project's type (Forge does not
 * promise `projectTypeKey`): then JSM is asked whether the project is a service space.
 */
export async function recordNewSpace(
  deps: { spaceStore: Pick<SpaceStore, 'get' | 'save'>; jira: Pick<JiraClient, 'serviceDesk'> },
  project: { id: string; key: string; name: string; projectTypeKey?: string }
): Promise<void> {
  const isServiceSpace =
    project.projectTypeKey === undefined ? (await deps.jira.serviceDesk(project.key)) !== null : project.projectTypeKey === 'service_desk';
  if (!isServiceSpace) return;
  const existing = await deps.spaceStore.get(project.key);
  if (!existing) {
    await deps.spaceStore.save(unrecordedSpace(project.key, { existedBeforeInstall: false }, { id: project.id, name: project.name }));
    return;
  }
  const untouchedSinceSeen = existing.origin === 'seen' && existing.version === 1;
  if (untouchedSinceSeen) await deps.spaceStore.save({ ...existing, origin: 'created', settings: { ...existing.settings, enabled: true } });
}
