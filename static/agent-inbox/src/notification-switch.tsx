/** @jsxImportSource preact */
import type { Permission } from './desktop-notifications';

/** The visible way to allow desktop notifications (R19–R21), and what the browser decided. */
export function NotificationSwitch({ permission, onAsk }: { permission: Permission; onAsk: () => void }) {
  if (permission === 'unsupported') return null;
  return (
    <section class="notifications" aria-label="Desktop notifications">
      {permission === 'default' && (
        <button type="button" class="button" onClick={onAsk}>
          Turn on desktop notifications
        </button>
      )}
      {permission === 'granted' && <p class="hint">Desktop notifications are on: new offers and messages reach you in other tabs.</p>}
      {permission === 'denied' && <p class="hint">Desktop notifications are blocked. Allow them for this site in your browser's settings.</p>}
    </section>
  );
}
