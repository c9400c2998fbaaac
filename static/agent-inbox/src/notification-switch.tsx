/** @jsxImportSource preact */
import type { Permission } from './desktop-notifications';

/**
 * How the inbox alerts the agent (R19–R21): the sound, which they can turn off, and desktop
 * notifications as far as the browser lets an app inside Jira have them (desktop-notifications.ts).
 */
export function NotificationSwitch({
  permission,
  onAsk,
  sound,
  onSound
}: {
  permission: Permission;
  onAsk: () => void;
  sound: boolean;
  onSound: (on: boolean) => void;
}) {
  return (
    <section class="notifications" aria-label="Alerts">
      {permission === 'default' && (
        <button type="button" class="button" onClick={onAsk}>
          Turn on desktop notifications
        </button>
      )}
      {permission === 'granted' && <p class="hint">Desktop notifications are on: new offers and messages reach you in other tabs.</p>}
      {(permission === 'denied' || permission === 'unsupported') && (
        <p class="hint">
          New offers and messages show as a Jira flag and here, with a sound. For desktop notifications too, allow notifications for this
          Jira site in your browser's settings.
        </p>
      )}
      <div class="check">
        <input
          id="alert-sound"
          type="checkbox"
          checked={sound}
          onChange={(event) => onSound((event.currentTarget as HTMLInputElement).checked)}
        />
        <label for="alert-sound">Play a sound for new offers and messages</label>
      </div>
    </section>
  );
}
