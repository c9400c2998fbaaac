/**
 * Keeps a Custom UI page current: pushes on a realtime channel when the backend names one,
 * polling otherwise. A push that carries all the page needs (the next message, a new status)
 * is applied as it is (`onPush` answers true); any other push, or one after a gap (a message
 * past the next seq), makes the page read again (afterSeq catches up), so a lost or doubled
 * push changes nothing. A slow poll stays on as a safety net, and a channel that fails falls
 * back to fast polling.
 *
 * The app's channels take only the token the backend's read returned with the channel: a
 * channel without one is not listened to (polling only). Tokens expire; every read returns a
 * fresh one well before, and the page moves to it (one subscription per channel and token).
 * When the platform ends a subscription (its token expired), the next read's channel is
 * listened to again. A part of a page that wants the same channel hears the page's
 * subscription through a PushRelay instead of subscribing again (push-relay.ts).
 */
import type { RealtimeChannel } from '../../../src/frontend/shared/operations';
import type { PushRelay } from './push-relay';

/** The part of @forge/bridge's `realtime` this uses. */
export interface RealtimeApi {
  subscribeGlobal(
    channel: string,
    callback: (payload: string | Record<string, unknown>, error?: Error) => unknown,
    options?: { token?: string }
  ): Promise<{ unsubscribe: () => unknown }>;
}

export interface Timers {
  setInterval(callback: () => void, ms: number): unknown;
  clearInterval(handle: unknown): void;
}

export interface LiveUpdatesOptions {
  readonly realtime: RealtimeApi;
  readonly timers: Timers;
  /** Reads the page's data again. */
  readonly refresh: () => void;
  /** Sees each push first (the inbox turns some into notifications); true: the page applied it, no read needed. */
  readonly onPush?: (push: Record<string, unknown>) => boolean | void;
  /** Polling without pushes, and with them. */
  readonly fastMs: number;
  readonly slowMs: number;
  /** Where the page passes on every push it receives, and whether it listens (push-relay.ts). */
  readonly passTo?: PushRelay;
}

export class LiveUpdates {
  private timer: unknown = null;
  private channelKey: string | null = null;
  private subscription: { unsubscribe: () => unknown } | null = null;
  private stopped = false;
  private slowMs: number;
  /** Listening to another part of the page's pushes instead of a channel (useRelay). */
  private relayed: { stop: () => void; listening: boolean } | null = null;

  constructor(private readonly options: LiveUpdatesOptions) {
    this.slowMs = options.slowMs;
  }

  /** A different safety net while pushes flow (the widget polls faster while waiting in the queue). */
  setSlowPoll(ms: number): void {
    if (ms === this.slowMs) return;
    this.slowMs = ms;
    if (this.subscription || this.relayed?.listening) this.pollEvery(ms);
  }

  start(): void {
    this.pollEvery(this.options.fastMs);
  }

  /** Listens on `channel` with its token (once per channel and token); undefined or without a token: polling only. */
  useChannel(channel: RealtimeChannel | undefined): void {
    const key = channelKey(channel);
    if (this.stopped || key === this.channelKey) return;
    this.channelKey = key;
    this.dropSubscription();
    this.pollEvery(this.options.fastMs);
    if (!channel?.token) return;
    const token = channel.token;
    const onEvent = (payload: string | Record<string, unknown>, error?: Error) => {
      if (error) {
        // Ended (the token expired) or broken: poll fast, and listen again on the next read's channel.
        if (this.channelKey === key) this.channelKey = null;
        this.dropSubscription();
        this.pollEvery(this.options.fastMs);
        return;
      }
      const push = parsePush(payload);
      if (push) this.options.passTo?.pass(push);
      this.take(push);
    };
    const subscribed = (subscription: { unsubscribe: () => unknown }) => {
      if (this.stopped || this.channelKey !== key) {
        void subscription.unsubscribe();
        return;
      }
      this.subscription = subscription;
      this.options.passTo?.setListening(true);
      this.pollEvery(this.slowMs);
    };
    try {
      this.options.realtime.subscribeGlobal(channel.channel, onEvent, { token }).then(subscribed, () => undefined);
    } catch {
      // No realtime on this host: polling already runs.
    }
  }

  /**
   * Hears the pushes another part of the page receives on the same channel (push-relay.ts)
   * instead of subscribing again; polls slowly while that part listens, fast otherwise.
   */
  useRelay(relay: PushRelay | undefined): void {
    const was = this.relayed;
    was?.stop();
    this.relayed = null;
    // No more pushes from there: poll fast again, unless the page listens on a channel of its own.
    if (was?.listening && !this.subscription) this.pollEvery(this.options.fastMs);
    if (this.stopped || !relay) return;
    const relayed = { stop: () => undefined as void, listening: false };
    this.relayed = relayed;
    relayed.stop = relay.listen({
      onPush: (push) => this.take(push),
      onListening: (listening) => {
        relayed.listening = listening;
        this.pollEvery(listening ? this.slowMs : this.options.fastMs);
      }
    });
  }

  stop(): void {
    this.stopped = true;
    this.relayed?.stop();
    this.relayed = null;
    this.dropSubscription();
    if (this.timer !== null) this.options.timers.clearInterval(this.timer);
    this.timer = null;
  }

  private pollEvery(ms: number): void {
    if (this.stopped) return;
    if (this.timer !== null) this.options.timers.clearInterval(this.timer);
    this.timer = this.options.timers.setInterval(() => this.options.refresh(), ms);
  }

  /** A push the page applies as it is, or (not applied, or not one the page can read) a read again. */
  private take(push: Record<string, unknown> | null): void {
    if (push && this.options.onPush?.(push) === true) return;
    this.options.refresh();
  }

  private dropSubscription(): void {
    const subscription = this.subscription;
    this.subscription = null;
    if (subscription) this.options.passTo?.setListening(false);
    if (subscription) void Promise.resolve(subscription.unsubscribe()).catch(() => undefined);
  }
}

/** One key per channel and token: a page listens again only when either changes. */
export function channelKey(channel: RealtimeChannel | undefined): string | null {
  return channel ? `${channel.channel}\u0000${channel.token ?? ''}` : null;
}

/** `next`, or `current` when it is the same channel with the same token (so that effects keyed on it do not listen again). */
export function sameOr(current: RealtimeChannel | undefined, next: RealtimeChannel | undefined): RealtimeChannel | undefined {
  return channelKey(current) === channelKey(next) ? current : next;
}

/**
 * Listens on a content-free signal channel (e.g. the queue's, R11) beside a page's own channel,
 * with its token: every push calls `onSignal`; nothing else happens when realtime is missing or
 * fails, or the channel came without a token (the page's polling goes on). Answers the way to
 * stop listening.
 */
export function listenForSignal(api: RealtimeApi, channel: RealtimeChannel, onSignal: () => void): () => void {
  let stopped = false;
  let subscription: { unsubscribe: () => unknown } | null = null;
  const drop = (s: { unsubscribe: () => unknown }) => void Promise.resolve(s.unsubscribe()).catch(() => undefined);
  if (!channel.token) return () => undefined;
  try {
    api
      .subscribeGlobal(channel.channel, (_payload, error) => (error ? undefined : onSignal()), { token: channel.token })
      .then(
        (s) => (stopped ? drop(s) : (subscription = s)),
        () => undefined
      );
  } catch {
    // No realtime on this host: polling already runs.
  }
  return () => {
    stopped = true;
    if (subscription) drop(subscription);
    subscription = null;
  };
}

/** A push's payload: an object, or JSON text of one; anything else is just a signal. */
export function parsePush(payload: unknown): Record<string, unknown> | null {
  let value = payload;
  if (typeof payload === 'string') {
    try {
      value = JSON.parse(payload);
    } catch {
      return null;
    }
  }
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
}

/**
 * Runs `task` one at a time: a call while it runs makes one more run afterwards, so pushes and
 * polls arriving together read once or twice, never in parallel (afterSeq stays in order).
 */
export function serialized(task: () => Promise<void>): () => Promise<void> {
  let running: Promise<void> | null = null;
  let again = false;
  const run = async (): Promise<void> => {
    if (running) {
      again = true;
      return running;
    }
    running = (async () => {
      do {
        again = false;
        try {
          await task();
        } catch {
          // A failed read is retried by the next poll.
        }
      } while (again);
    })();
    try {
      await running;
    } finally {
      running = null;
    }
  };
  return run;
}

/**
 * Messages with the pushed one added when it is the next in sequence (the page holds every
 * message before it); null when it is not (a gap, or nothing held yet): the page reads again
 * with afterSeq. A message already held is applied as is (a doubled push).
 */
export function withNextMessage<M extends { readonly seq: number }>(held: readonly M[], pushed: M): M[] | null {
  if (held.some((m) => m.seq === pushed.seq)) return [...held];
  const last = held.length === 0 ? undefined : held[held.length - 1].seq;
  return last !== undefined && pushed.seq === last + 1 ? [...held, pushed] : null;
}
