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
}

export function modelledMs(computeMs: number, requests: Readonly<Record<string, number>>): number {
  return Object.entries(requests).reduce(
    (total, [service, n]) => total + n * (MODELLED_LATENCY_MS[service] ?? OTHER_REQUEST_MS),
    computeMs
  );
}

/** The samples kept, by scope; the soak prints their percentiles. */
export class InvocationDurations {
  private readonly byScope = new Map<string, { kind: string; samples: number[] }>();

  record(sample: DurationSample): void {
    const entry = this.byScope.get(sample.scope) ?? { kind: sample.kind, samples: [] };
    entry.samples.push(sample.modelledMs);
    this.byScope.set(sample.scope, entry);
  }

  /** p50 and p99 (nearest rank) of each scope's modelled durations. */
  percentiles(): { scope: string; kind: string; count: number; p50: number; p99: number }[] {
    return [...this.byScope].map(([scope, { kind, samples }]) => {
      const sorted = [...samples].sort((a, b) => a - b);
      const rank = (p: number) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1))];
      return { scope, kind, count: sorted.length, p50: rank(0.5), p99: rank(0.99) };
    });
  }
}
