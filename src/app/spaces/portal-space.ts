import type { JiraClient } from '../ports/jira';
import type { SpaceStore } from '../ports/space-store';

export interface PortalSpaceDeps {
  readonly spaceStore: Pick<SpaceStore, 'spaceOfPortal' | 'rememberPortal'>;
  readonly jira: Pick<JiraClient, 'serviceDesk'>;
}

/**
 * R22 on the portal: Forge gives the portal footer its portal (`context.extension.portal.id`,
 * JSM's service desk id), not a project. The widget asks every 30 seconds, so the service
 * desk → project key lookup is kept in storage: written with every space record that knows
 * its service desk, and after the one Jira lookup a portal the app has never seen needs.
 * Null when JSM knows no such service desk.
 */
export async function portalSpace(deps: PortalSpaceDeps, serviceDeskId: string): Promise<string | null> {
  const known = await deps.spaceStore.spaceOfPortal(serviceDeskId);
  if (known) return known;
  // JSM names a service desk by its id or by its project's key; the answer says both.
  const desk = await deps.jira.serviceDesk(serviceDeskId);
  if (!desk) return null;
  await deps.spaceStore.rememberPortal(desk.serviceDeskId, desk.projectKey);
  return desk.projectKey;
}
