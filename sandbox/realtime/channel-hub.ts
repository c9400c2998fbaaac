/**
 * The subscribers of each channel key and the recent events on it. Delivery is synchronous
 * and in publish order, so tests see an event as soon as `publish` resolves; a listener that
 * throws loses only its own copy. Recent events are kept so a subscription can ask for
 * `replaySeconds` of history, as the bridge's subscribe option allows.
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
}

/** How far back `replaySeconds` can reach; Forge documents no maximum. */
export const REPLAY_RETENTION_MS = 10 * 60 * 1000;

export class ChannelHub {
  private subscriptions = new Set<Subscription>();
  private recent = new Map<string, Array<{ at: number; event: RealtimeEvent }>>();

  add(key: string, view: SubscriptionView, listener: RealtimeListener, replayFrom?: number): () => void {
    const subscription: Subscription = { ...view, key, listener };
    this.subscriptions.add(subscription);
    if (replayFrom !== undefined) {
      for (const { at, event } of this.recent.get(key) ?? []) if (at >= replayFrom) deliver(subscription, event);
    }
    return () => {
      this.subscriptions.delete(subscription);
    };
  }

  /** Returns how many subscribers received the event. */
  publish(key: string, event: RealtimeEvent, now: number): number {
    this.forgetBefore(now - REPLAY_RETENTION_MS);
    this.recent.set(key, [...(this.recent.get(key) ?? []), { at: now, event }]);
    let reached = 0;
    for (const subscription of [...this.subscriptions]) {
      if (subscription.key !== key) continue;
      deliver(subscription, event);
      reached += 1;
    }
    return reached;
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
