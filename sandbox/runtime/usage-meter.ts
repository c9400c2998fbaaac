import { currentInvocation } from './invocation-context';

/**
 * Counts what Forge bills or rate-limits, so benchmarks can print the platform cost of a
 * chat. Services record into it; nothing in the app reads it.
 */
export type Metric =
  | 'invocations.resolver'
  | 'invocations.action'
  | 'invocations.consumer'
  | 'invocations.scheduledTrigger'
  | 'invocations.productTrigger'
  | 'compute.ms'
  | 'kvs.reads'
  | 'kvs.readBytes'
  | 'kvs.writes'
  | 'kvs.writeBytes'
  | 'kvs.transactions'
  /** Transactions cancelled because a condition failed (a concurrent change, or an injected conflict): nothing written, the request still made. */
  | 'kvs.conflicts'
  /** KVS requests the platform answered with 429 or 5xx (injected): nothing done, the request still made. */
  | 'kvs.refused'
  | 'queue.events'
  | 'realtime.publishes'
  | 'realtime.subscriptions'
  /** signRealtimeToken calls: a realtime operation like a publish or a subscribe (the 50 a second). */
  | 'realtime.signs'
  /** Subscribes and publishes refused for want of a right token, and subscriptions ended by their token's expiry: pushes lost. */
  | 'realtime.refused'
  | 'llm.calls'
  | 'jira.requests'
  /** Lines the app wrote to the console inside an invocation (Forge bills log lines). */
  | 'logs.lines';

/** A metric broken down by what caused it (e.g. `resolver chat.start`, `consumer chat-timers`). */
export type ScopedUsage = Record<string, Partial<Record<Metric, number>>>;

export type UsageSnapshot = Record<Metric, number> & {
  byDetail: Record<string, number>;
  byScope: ScopedUsage;
  /** `byDetail` per scope: e.g. which Jira routes `resolver offer.accept` called. */
  byScopeDetail: Record<string, Record<string, number>>;
};

const METRICS: Metric[] = [
  'invocations.resolver',
  'invocations.action',
  'invocations.consumer',
  'invocations.scheduledTrigger',
  'invocations.productTrigger',
  'compute.ms',
  'kvs.reads',
  'kvs.readBytes',
  'kvs.writes',
  'kvs.writeBytes',
  'kvs.transactions',
  'kvs.conflicts',
  'kvs.refused',
  'queue.events',
  'realtime.publishes',
  'realtime.subscriptions',
  'realtime.signs',
  'realtime.refused',
  'llm.calls',
  'jira.requests',
  'logs.lines'
];

/** Usage recorded outside any invocation (a test or the bench calling a service directly). */
export const OUTSIDE_INVOCATIONS = 'outside invocations';

export class UsageMeter {
  private totals = new Map<Metric, number>();
  private details = new Map<string, number>();
  private scopes = new Map<string, Map<Metric, number>>();
  private scopeDetails = new Map<string, Map<string, number>>();

  /**
   * `detail` breaks a metric down (e.g. a Jira route or a resolver name) for the bench tables;
   * the running invocation's scope (set by the app host), or `scope`, attributes it to what caused it.
   */
  record(metric: Metric, amount = 1, detail?: string, scope = currentInvocation()?.meterScope ?? OUTSIDE_INVOCATIONS): void {
    this.totals.set(metric, (this.totals.get(metric) ?? 0) + amount);
    let totals = this.scopes.get(scope);
    if (!totals) this.scopes.set(scope, (totals = new Map()));
    totals.set(metric, (totals.get(metric) ?? 0) + amount);
    if (detail) {
      const key = `${metric} ${detail}`;
      this.details.set(key, (this.details.get(key) ?? 0) + amount);
      let details = this.scopeDetails.get(scope);
      if (!details) this.scopeDetails.set(scope, (details = new Map()));
      details.set(key, (details.get(key) ?? 0) + amount);
    }
  }

  snapshot(): UsageSnapshot {
    const snapshot = Object.fromEntries(METRICS.map((m) => [m, this.totals.get(m) ?? 0])) as Record<Metric, number>;
    const byScope: ScopedUsage = Object.fromEntries([...this.scopes].map(([scope, totals]) => [scope, Object.fromEntries(totals)]));
    const byScopeDetail = Object.fromEntries([...this.scopeDetails].map(([scope, details]) => [scope, Object.fromEntries(details)]));
    return { ...snapshot, byDetail: Object.fromEntries(this.details), byScope, byScopeDetail };
  }

  reset(): void {
    this.totals.clear();
    this.details.clear();
    this.scopes.clear();
    this.scopeDetails.clear();
  }
}
