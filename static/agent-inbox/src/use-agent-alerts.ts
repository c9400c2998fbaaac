import { useCallback, useRef, useState } from 'preact/hooks';
import { deliverAlert } from './alerts';
import { toldBefore, type NotificationSpec } from './notifications';

export interface AgentAlerts {
  /** The banner's alerts, newest first (at most 3, one per conversation). */
  readonly alerts: readonly NotificationSpec[];
  /** The last alert, for screen readers. */
  readonly announcement: string;
  /** R19–R21: a flag, the banner, the sound and (where the browser allows) a desktop notification; once per alert. */
  readonly notify: (spec: NotificationSpec) => void;
  /** The agent has seen these alerts (answered, opened, or no longer relevant): off the banner, their flags closed. */
  readonly settle: (done: (alert: NotificationSpec) => boolean) => void;
}

/**
 * The inbox's alerts to the agent. `onOpen` is what a flag or notification does when clicked
 * (R21: open its conversation); `sound` whether the chime plays.
 */
export function useAgentAlerts(onOpen: (conversationId: string) => void, sound: boolean): AgentAlerts {
  const [alerts, setAlerts] = useState<NotificationSpec[]>([]);
  const [announcement, setAnnouncement] = useState('');
  const latest = useRef({ onOpen, sound });
  latest.current = { onOpen, sound };
  const shown = useRef(new Set<string>());
  const told = useRef<NotificationSpec[]>([]);
  /** Each alert's flag, by alert key, to close once it is answered, opened or dismissed. */
  const flagClosers = useRef(new Map<string, () => void>());

  const settle = useCallback((done: (alert: NotificationSpec) => boolean) => {
    setAlerts((list) => list.filter((alert) => !done(alert)));
    for (const alert of told.current.filter(done)) {
      flagClosers.current.get(alert.key)?.();
      flagClosers.current.delete(alert.key);
    }
  }, []);

  const notify = useCallback((spec: NotificationSpec) => {
    if (shown.current.has(spec.key) || toldBefore(spec, told.current)) return;
    shown.current.add(spec.key);
    told.current = [spec, ...told.current].slice(0, 50);
    setAnnouncement(`${spec.title}: ${spec.body}`);
    setAlerts((list) => [spec, ...list.filter((a) => a.conversationId !== spec.conversationId)].slice(0, 3));
    flagClosers.current.set(
      spec.key,
      deliverAlert(spec, (conversationId) => latest.current.onOpen(conversationId), latest.current.sound)
    );
  }, []);

  return { alerts, announcement, notify, settle };
}
