/** The browser's Notification API, as the inbox uses it (R19–R21). */
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

/** Shows the notification; selecting it brings the inbox forward on that conversation (R21). */
export function showNotification(spec: NotificationSpec, open: (conversationId: string) => void): void {
  if (notificationPermission() !== 'granted') return;
  try {
    const notification = new Notification(spec.title, { body: spec.body, tag: spec.key });
    notification.onclick = () => {
      window.focus();
      open(spec.conversationId);
      notification.close();
    };
  } catch {
    // Some browsers allow notifications only from a service worker; the inbox still shows it all.
  }
}
