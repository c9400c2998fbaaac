/**
 * The subscribers of each channel key and the recent events on it. Delivery is synchronous
 * and in publish order, so tests see an event as soon as `publish` resolves; a listener that
 * throws loses only its own copy. Recent events are kept so a subscription can ask for
 * `replaySeconds` of history, as the bridge's subscribe option allows. A subscription made
 * with a token lives as long as its token: the first event after it expired ends it instead
 * (`onEnd`), so a page must re-subscribe with a fresh token (the sandbox's strict reading;
 * Forge does not say what happens to a live subscription whose token expires).
 */
export interface RealtimeEvent {
  channel: string;
  eventId: string;
  /** ISO-8601 time of the publish on the sandbox clock. */
  eventTimestamp: string;
  /** Exactly the string the SDK published: JSON.stringify of the app's payload. */
  payload: string;
}

export type RealtimeListener = (event: RealtimeEvent) => void;

export interface SubscriptionView {
  channel: string;
  isGlobal: boolean;
  accountId?: string;
  withToken: boolean;
}

interface Subscription extends SubscriptionView {
  key: string;
  listener: RealtimeListener;
  /** When its token expires (ms on the sandbox clock). */
  expiresAt?: number;
  onEnd?: () => void;
}

export interface Lifetime {
  expiresAt: number;
  onEnd: () => void;
}

/** How far back `replaySeconds` can reach; Forge documents no maximum. */
export const REPLAY_RETENTION_MS = 10 * 60 * 1000;

export class ChannelHub {
  private subscriptions = new Set<Subscription>();
  private recent = new Map<string, Array<{ at: number; event: RealtimeEvent }>>();

  add(key: string, view: SubscriptionView, listener: RealtimeListener, replayFrom?: number, lifetime?: Lifetime): () => void {
    const subscription: Subscription = { ...view, key, listener, ...lifetime };
    this.subscriptions.add(subscription);
    if (replayFrom !== undefined) {
      for (const { at, event } of this.recent.get(key) ?? []) if (at >= replayFrom) deliver(subscription, event);
    }
    return () => {
      this.subscriptions.delete(subscription);
    };
  }

  /** How many subscribers received the event, and how many were ended instead because their token had expired. */
  publish(key: string, event: RealtimeEvent, now: number): { reached: number; expired: number } {
    this.forgetBefore(now - REPLAY_RETENTION_MS);
    this.recent.set(key, [...(this.recent.get(key) ?? []), { at: now, event }]);
    let reached = 0;
    let expired = 0;
    for (const subscription of [...this.subscriptions]) {
      if (subscription.key !== key) continue;
      if (subscription.expiresAt !== undefined && now >= subscription.expiresAt) {
        this.subscriptions.delete(subscription);
        expired += 1;
        try {
          subscription.onEnd?.();
        } catch {
          // The page is gone already.
        }
        continue;
      }
      deliver(subscription, event);
      reached += 1;
    }
    return { reached, expired };
  }

  /** Every channel, not just the one published to: per-conversation channels go quiet and must not pile up. */
  private forgetBefore(cutoff: number): void {
    for (const [key, entries] of this.recent) {
      const kept = entries.filter((entry) => entry.at > cutoff);
      if (kept.length === 0) this.recent.delete(key);
      else if (kept.length !== entries.length) this.recent.set(key, kept);
    }
  }

  view(): SubscriptionView[] {
    return [...this.subscriptions].map(({ channel, isGlobal, accountId, withToken }) => ({
      channel,
      isGlobal,
      withToken,
      ...(accountId ? { accountId } : {})
    }));
  }
}

function deliver(subscription: Subscription, event: RealtimeEvent): void {
  try {
    subscription.listener({ ...event });
  } catch {
    // One broken page must not stop the others from receiving the event.
  }
}
