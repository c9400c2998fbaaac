import { spaceSettingsView, escalationLine, type SpaceSettingsView, type SpaceViewDeps } from './space-settings-view';
import { updateSpace, type UpdateSpaceDeps } from './update-space';

/**
 * R27 Deactivate: the space is no longer set up, so the widget disappears (R22) and the
 * Rovo action refuses new escalations; chats already running are untouched and end as usual.
 * The answer lists what the admin should remove from other Rovo agents: the pasted line only,
 * as the app ships no skill (`rovo:skill` is EAP and cannot be deployed to production).
 */
export async function deactivateSpace(
  deps: UpdateSpaceDeps & SpaceViewDeps,
  projectKey: string
): Promise<SpaceSettingsView & { removeFromRovo: string[] }> {
  const saved = await updateSpace(deps, projectKey, async (space) => ({
    ...space,
    deactivated: true,
    settings: { ...space.settings, setUp: false }
  }));
  return {
    ...(await spaceSettingsView(deps, saved)),
    removeFromRovo: [`This line from the prompt of every Rovo agent you pasted it into: "${escalationLine(projectKey)}"`]
  };
}
