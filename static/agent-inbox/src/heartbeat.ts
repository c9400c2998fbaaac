/**
 * R2: while the inbox is open it tells the backend so, every 45 s (well inside the 2-minute
 * window even when a background tab's timers are throttled to once a minute), and at once when
 * the page becomes visible again.
 */
export const HEARTBEAT_MS = 45_000;

export interface HeartbeatHost {
  setInterval(callback: () => void, ms: number): unknown;
  clearInterval(handle: unknown): void;
  onVisible(callback: () => void): () => void;
}

export function startHeartbeat(send: () => void, host: HeartbeatHost, everyMs = HEARTBEAT_MS): () => void {
  send();
  const timer = host.setInterval(send, everyMs);
  const stopListening = host.onVisible(send);
  return () => {
    host.clearInterval(timer);
    stopListening();
  };
}

/** The browser as a HeartbeatHost. */
export function browserHeartbeatHost(): HeartbeatHost {
  return {
    setInterval: (callback, ms) => window.setInterval(callback, ms),
    clearInterval: (handle) => window.clearInterval(handle as number),
    onVisible: (callback) => {
      const listener = () => {
        if (document.visibilityState === 'visible') callback();
      };
      document.addEventListener('visibilitychange', listener);
      return () => document.removeEventListener('visibilitychange', listener);
    }
  };
}
