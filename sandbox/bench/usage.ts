import type { Metric, UsageMeter, UsageSnapshot } from '../runtime/usage-meter';

/**
 * What one step cost the platform, from the usage meter's scopes (what each invocation caused):
 * the bench reads the meter before and after a step and keeps the scopes that belong to it.
 */
export interface Cost {
  invocations: { resolver: number; action: number; consumer: number; scheduledTrigger: number; productTrigger: number; total: number };
  computeMs: number;
  kvsReads: number;
  kvsReadBytes: number;
  kvsWrites: number;
  kvsWriteBytes: number;
  kvsTransactions: number;
  kvsConflicts: number;
  queueEvents: number;
  realtimeOps: number;
  jiraRequests: number;
  logLines: number;
}

/** Scopes that are not a chat's own: the 5-minute sweep and the inbox's heartbeats belong to the installation and the agents. */
export const STANDING_SCOPES = ['scheduledTrigger chat-sweep', 'resolver agent.heartbeat'];

export function zeroCost(): Cost {
  return {
    invocations: { resolver: 0, action: 0, consumer: 0, scheduledTrigger: 0, productTrigger: 0, total: 0 },
    computeMs: 0,
    kvsReads: 0,
    kvsReadBytes: 0,
    kvsWrites: 0,
    kvsWriteBytes: 0,
    kvsTransactions: 0,
    kvsConflicts: 0,
    queueEvents: 0,
    realtimeOps: 0,
    jiraRequests: 0,
    logLines: 0
  };
}

/** The cost between two snapshots, over the scopes `keep` accepts. */
export function costBetween(
  before: UsageSnapshot,
  after: UsageSnapshot,
  keep: (scope: string) => boolean = (scope) => !STANDING_SCOPES.includes(scope)
): Cost {
  const cost = zeroCost();
  for (const [scope, metrics] of Object.entries(after.byScope)) {
    if (!keep(scope)) continue;
    const was = before.byScope[scope] ?? {};
    const delta = (metric: Metric) => (metrics[metric] ?? 0) - (was[metric] ?? 0);
    cost.invocations.resolver += delta('invocations.resolver');
    cost.invocations.action += delta('invocations.action');
    cost.invocations.consumer += delta('invocations.consumer');
    cost.invocations.scheduledTrigger += delta('invocations.scheduledTrigger');
    cost.invocations.productTrigger += delta('invocations.productTrigger');
    cost.computeMs += delta('compute.ms');
    cost.kvsReads += delta('kvs.reads');
    cost.kvsReadBytes += delta('kvs.readBytes');
    cost.kvsWrites += delta('kvs.writes');
    cost.kvsWriteBytes += delta('kvs.writeBytes');
    cost.kvsTransactions += delta('kvs.transactions');
    cost.kvsConflicts += delta('kvs.conflicts');
    cost.queueEvents += delta('queue.events');
    // Signing a token is a realtime operation too (the installation's 50 a second).
    cost.realtimeOps += delta('realtime.publishes') + delta('realtime.subscriptions') + delta('realtime.signs');
    cost.jiraRequests += delta('jira.requests');
    cost.logLines += delta('logs.lines');
  }
  const i = cost.invocations;
  i.total = i.resolver + i.action + i.consumer + i.scheduledTrigger + i.productTrigger;
  return cost;
}

export function addCosts(...costs: Cost[]): Cost {
  const sum = zeroCost();
  for (const cost of costs) {
    for (const key of Object.keys(sum.invocations) as (keyof Cost['invocations'])[]) sum.invocations[key] += cost.invocations[key];
    for (const key of Object.keys(sum) as (keyof Cost)[]) {
      if (key !== 'invocations') (sum[key] as number) += cost[key] as number;
    }
  }
  return sum;
}

/** Runs `step` and answers what it cost (everything it caused has run: the caller settles inside `step`). */
export async function measure(meter: UsageMeter, step: () => Promise<void>, keep?: (scope: string) => boolean): Promise<Cost> {
  const before = meter.snapshot();
  await step();
  return costBetween(before, meter.snapshot(), keep);
}

/** Compute time is wall-clock time of this machine: rounded, and never part of the committed summary. */
export function rounded(cost: Cost): Cost {
  return {
    ...cost,
    computeMs: Math.round(cost.computeMs * 10) / 10,
    kvsReadBytes: Math.round(cost.kvsReadBytes),
    kvsWriteBytes: Math.round(cost.kvsWriteBytes)
  };
}
