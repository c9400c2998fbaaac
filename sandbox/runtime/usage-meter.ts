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
  | 'queue.events'
  | 'realtime.publishes'
  | 'realtime.subscriptions'
  | 'llm.calls'
  | 'jira.requests'
  | 'logs.lines';

export type UsageSnapshot = Record<Metric, number> & { byDetail: Record<string, number> };

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
  'queue.events',
  'realtime.publishes',
  'realtime.subscriptions',
  'llm.calls',
  'jira.requests',
  'logs.lines'
];

export class UsageMeter {
  private totals = new Map<Metric, number>();
  private details = new Map<string, number>();

  /** `detail` breaks a metric down (e.g. a Jira route or a resolver name) for the bench tables. */
  record(metric: Metric, amount = 1, detail?: string): void {
    this.totals.set(metric, (this.totals.get(metric) ?? 0) + amount);
    if (detail) {
      const key = `${metric} ${detail}`;
      this.details.set(key, (this.details.get(key) ?? 0) + amount);
    }
  }

  snapshot(): UsageSnapshot {
    const snapshot = Object.fromEntries(METRICS.map((m) => [m, this.totals.get(m) ?? 0])) as Record<Metric, number>;
    return { ...snapshot, byDetail: Object.fromEntries(this.details) };
  }

  reset(): void {
    this.totals.clear();
    this.details.clear();
  }
}
