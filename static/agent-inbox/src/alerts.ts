/**
 * How the inbox tells an agent about an alert (R19–R21) from inside Forge: a Jira flag through
 * the bridge (showFlag: it appears on the Jira page, over the app, with an action that opens the
 * conversation), a chime unless the agent turned it off, and a desktop notification where the
 * browser allows one (desktop-notifications.ts). The banner in the inbox itself is state the
 * inbox keeps (alert-banner.tsx).
 */
import { showFlag } from '@forge/bridge';
import { playChime } from './chime';
import { showNotification } from './desktop-notifications';
import { flagFor, type NotificationSpec } from './notifications';

/** Shows the alert; returns what closes its flag (once it is answered, opened or dismissed). */
export function deliverAlert(spec: NotificationSpec, open: (conversationId: string) => void, sound: boolean): () => void {
  let close = () => undefined as void;
  try {
    const flag = showFlag({
      ...flagFor(spec),
      actions: [{ text: spec.kind === 'message' ? 'Open chat' : 'Show', onClick: () => open(spec.conversationId) }]
    });
    close = () => void flag.close().catch(() => undefined);
  } catch {
    // A product without flags: the banner and the sound still tell the agent.
  }
  if (sound) playChime();
  showNotification(spec, open);
  return close;
}
