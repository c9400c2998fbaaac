import { spaceSettingsView, escalationLine, type SpaceSettingsView, type SpaceViewDeps } from './space-settings-view';
import { updateSpace, type UpdateSpaceDeps } from './update-space';

/** The skill the app ships (manifest.yml `rovo:skill`), as admins see it in Rovo Studio. */
const SKILL_NAME = 'escalate-to-live-chat';

/**
 * R27 Deactivate: the space is no longer set up, so the widget disappears (R22) and the
 * Rovo action refuses new escalations; chats already running are untouched and end as usual.
 * The answer lists what the admin should remove from other Rovo agents.
 */
export async function deactivateSpace(deps: UpdateSpaceDeps & SpaceViewDeps, projectKey: string): Promise<SpaceSettingsView & { removeFromRovo: string[] }> {
  const saved = await updateSpace(deps, projectKey, async (space) => ({ ...space, deactivated: true, settings: { ...space.settings, setUp: false } }));
  return {
    ...(await spaceSettingsView(deps, saved)),
    removeFromRovo: [
      `The skill "${SKILL_NAME}" (Escalate to a human agent) from every Rovo agent you added it to.`,
      `This line from the prompt of every Rovo agent you pasted it into: "${escalationLine(projectKey)}"`
    ]
  };
}
