/** @jsxImportSource preact */
import type { NotificationSpec } from './notifications';

/**
 * R19–R21 inside the inbox: what came in while the agent looked elsewhere, each with a way to its
 * conversation. Not a live region: the inbox's status region already announces each alert once.
 */
export function AlertBanner({
  alerts,
  onOpen,
  onDismiss
}: {
  alerts: readonly NotificationSpec[];
  onOpen: (alert: NotificationSpec) => void;
  onDismiss: (alert: NotificationSpec) => void;
}) {
  if (alerts.length === 0) return null;
  return (
    <section class="alerts" aria-label="New for you">
      {alerts.map((alert) => (
        <div class="callout alert-item" key={alert.key}>
          <p>
            <strong>{alert.title}</strong>
            <span class="alert-body">{alert.body}</span>
          </p>
          <div class="actions">
            <button type="button" class="button primary" aria-label={`Open: ${alert.title}`} onClick={() => onOpen(alert)}>
              Open
            </button>
            <button type="button" class="button subtle" aria-label={`Dismiss: ${alert.title}`} onClick={() => onDismiss(alert)}>
              Dismiss
            </button>
          </div>
        </div>
      ))}
    </section>
  );
}
