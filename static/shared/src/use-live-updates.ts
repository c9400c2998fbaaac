/**
 * The one place a Custom UI page keeps itself current: how often each page polls, the realtime
 * subscription to its channel (and a signal channel beside it), and the catch-up read when it
 * starts listening. The mechanism is LiveUpdates (live-updates.ts); this binds it to a page.
 */
import { useEffect, useRef } from 'preact/hooks';
import { realtime } from '@forge/bridge';
import type { RealtimeChannel } from '../../../src/frontend/shared/operations';
import { listenForSignal, LiveUpdates, type RealtimeApi } from './live-updates';
import type { PushRelay } from './push-relay';

/** How often a page reads again: `fastMs` while no push can arrive, `slowMs` as the safety net while pushes flow. */
export interface Polling {
  readonly fastMs: number;
  readonly slowMs: number;
}

/**
 * While pushes flow they carry what the pages show, so the safety net is slow: every 5 minutes
 * (well inside a realtime token's renewal window: tokens live an hour and are renewed with a
 * quarter left, realtime-tokens.ts). Without a channel, pages poll fast.
 */
export const POLLING = {
  /** The portal widget during a chat. */
  widget: { fastMs: 2_500, slowMs: 300_000 },
  /** R11: while waiting, the queue's signal says when the position moved; the poll only backs it up. */
  widgetWaiting: { fastMs: 2_500, slowMs: 30_000 },
  /** The agent's chat view while a chat runs. */
  chatView: { fastMs: 2_500, slowMs: 300_000 },
  /** The agent inbox, all the time it is open. */
  inbox: { fastMs: 5_000, slowMs: 300_000 }
} as const satisfies Record<string, Polling>;

const api = realtime as unknown as RealtimeApi;
const timers = {
  setInterval: (f: () => void, ms: number) => window.setInterval(f, ms),
  clearInterval: (h: unknown) => window.clearInterval(h as number)
};

export interface LiveUpdatesOptions {
  /** Listening at all: while false nothing polls or listens. */
  readonly active: boolean;
  /** Reads the page's data again (a push, a poll, and once on start to catch up). */
  readonly refresh: () => void;
  /** Sees each push's payload first (the inbox turns some into notifications); true: applied, no read needed. */
  readonly onPush?: (push: Record<string, unknown>) => boolean | void;
  /** The page's own channel, as its last read gave it (undefined: polling only, or `pushesFrom`). */
  readonly channel: RealtimeChannel | undefined;
  /** Every push this page's subscription receives is passed on here (to a part of the page that wants them too). */
  readonly passTo?: PushRelay;
  /** Instead of a channel: the pushes another part of the page receives on it (push-relay.ts). */
  readonly pushesFrom?: PushRelay;
  /** A content-free signal channel beside it (the space's queue, R11): a push there only means "read again". */
  readonly signal?: RealtimeChannel;
  readonly polling: Polling;
}

export function useLiveUpdates({ active, refresh, onPush, channel, passTo, pushesFrom, signal, polling }: LiveUpdatesOptions): void {
  // The latest callbacks, so a new render never tears down a running subscription.
  const handlers = useRef({ refresh, onPush });
  handlers.current = { refresh, onPush };
  const live = useRef<LiveUpdates | null>(null);

  useEffect(() => {
    if (!active) return;
    const updates = new LiveUpdates({
      realtime: api,
      timers,
      refresh: () => handlers.current.refresh(),
      onPush: (push) => handlers.current.onPush?.(push) === true,
      fastMs: polling.fastMs,
      slowMs: polling.slowMs,
      ...(passTo ? { passTo } : {})
    });
    live.current = updates;
    handlers.current.refresh();
    updates.start();
    return () => {
      updates.stop();
      live.current = null;
    };
    // A new LiveUpdates only when listening starts (or the page's fast period changes); the slow one changes in place below.
  }, [active, polling.fastMs]);

  useEffect(() => live.current?.useChannel(channel), [active, channel?.channel, channel?.token]);
  useEffect(() => live.current?.useRelay(pushesFrom), [active, pushesFrom]);
  useEffect(() => live.current?.setSlowPoll(polling.slowMs), [active, polling.slowMs]);
  useEffect(
    () => (active && signal ? listenForSignal(api, signal, () => handlers.current.refresh()) : undefined),
    [active, signal?.channel, signal?.token]
  );
}
