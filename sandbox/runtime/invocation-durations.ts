/**
 * How long each invocation would run on Forge, modelled: its compute on this machine plus one
 * round trip per platform request it made, at the latencies below. The sandbox answers platform
 * requests in-process and its clock does not move during an invocation, so its virtual time
 * cannot show an invocation's duration; this model can, and it errs long: requests a handler
 * makes in parallel (Promise.all) are counted as if made one after another. The latencies are
 * assumptions (no Forge page documents them), generous for requests inside Atlassian's cloud.
 */
export const MODELLED_LATENCY_MS: Readonly<Record<string, number>> = {
  kvs: 50,
  'fpp:jira': 300,
  realtime: 50,
  'fpp:stargate': 50,
  llm: 5_000
};
const OTHER_REQUEST_MS = 100;

export interface DurationSample {
  /** e.g. `resolver chat.start`, `consumer chat-timers` */
  readonly scope: string;
  /** resolver, action, consumer, scheduledTrigger, productTrigger */
  readonly kind: string;
  readonly modelledMs: number;
  /**
   * The part of `modelledMs` that is the platform requests' round trips alone: it depends on the
   * code only, where the compute part is wall time on this machine, which grows with its load and
   * with the invocations interleaved beside this one on the event loop.
   */
  readonly requestsMs: number;
}

/** The round trips of an invocation's platform requests, one after another. */
export function requestsMs(requests: Readonly<Record<string, number>>): number {
  return Object.entries(requests).reduce((total, [service, n]) => total + n * (MODELLED_LATENCY_MS[service] ?? OTHER_REQUEST_MS), 0);
}

/** The samples kept, by scope; the soak prints their percentiles. */
export class InvocationDurations {
  private readonly byScope = new Map<string, { kind: string; samples: number[]; requests: number[] }>();

  record(sample: DurationSample): void {
    const entry = this.byScope.get(sample.scope) ?? { kind: sample.kind, samples: [], requests: [] };
    entry.samples.push(sample.modelledMs);
    entry.requests.push(sample.requestsMs);
    this.byScope.set(sample.scope, entry);
  }

  /** p50 and p99 (nearest rank) of each scope's modelled durations, and the p99 of their requests' part. */
  percentiles(): { scope: string; kind: string; count: number; p50: number; p99: number; p99Requests: number }[] {
    return [...this.byScope].map(([scope, { kind, samples, requests }]) => ({
      scope,
      kind,
      count: samples.length,
      p50: nearestRank(samples, 0.5),
      p99: nearestRank(samples, 0.99),
      p99Requests: nearestRank(requests, 0.99)
    }));
  }
}

function nearestRank(samples: readonly number[], p: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1))];
}
