/**
 * The browser's Notification API, as the inbox uses it (R19–R21), where the browser lets a Custom
 * UI app use it at all. Forge runs the inbox in a cross-origin iframe, and Chromium never shows a
 * permission prompt to one: the frame reads `denied`, unless the agent already allowed
 * notifications for the Jira site itself, in which case it reads (and may use) `granted`. So the
 * inbox feature-detects, asks only where the browser says it may (`default`, e.g. a browser that
 * still prompts from frames), and otherwise relies on flags, the banner and the sound (alerts.ts).
 */
import type { NotificationSpec } from './notifications';

export type Permission = 'default' | 'granted' | 'denied' | 'unsupported';

export function notificationPermission(): Permission {
  return typeof Notification === 'undefined' ? 'unsupported' : Notification.permission;
}

/** Asked only from the agent's click on the visible button: browsers ignore prompts nobody asked for. */
export async function askPermission(): Promise<Permission> {
  if (typeof Notification === 'undefined') return 'unsupported';
  try {
    return await Notification.requestPermission();
  } catch {
    return notificationPermission();
  }
}

/** Shows the notification where permission is granted; selecting it brings the inbox forward on that conversation (R21). */
export function showNotification(spec: NotificationSpec, open: (conversationId: string) => void): boolean {
  if (notificationPermission() !== 'granted') return false;
  try {
    const notification = new Notification(spec.title, { body: spec.body, tag: spec.key });
    notification.onclick = () => {
      window.focus();
      open(spec.conversationId);
      notification.close();
    };
    return true;
  } catch {
    // Some browsers allow notifications only from a service worker; the flag and the banner still show it.
    return false;
  }
}
