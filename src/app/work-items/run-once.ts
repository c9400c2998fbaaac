import { DONE, type StepOutcome } from '../ports/work-items';
import { heldFor, newLease } from './lease';
import { newWorkItemRecord, type WorkItemRecord, type WorkItemStore } from '../ports/work-item-store';

/**
 * A step that must happen once per conversation although its job may be delivered twice at
 * the same moment (the platform delivers at least once): the step is leased on the
 * conversation's work-item record (lease.ts), so only one delivery works while the other
 * waits; when done, the record says so and every later delivery stops at once. A holder that
 * died leaves a lease that runs out; the next one starts over, and the step itself checks
 * Jira first (e.g. for its comment), so even then it is not done twice.
 */
const BUSY_RETRY_SECONDS = 5;

export interface RunOnceDeps {
  readonly workItemStore: WorkItemStore;
  readonly clock: { now(): number };
}

export async function runOnce(deps: RunOnceDeps, conversationId: string, step: string, work: () => Promise<void>): Promise<StepOutcome> {
  const record = (await deps.workItemStore.get(conversationId)) ?? newWorkItemRecord(conversationId, '');
  if (record.done.includes(step)) return DONE;
  const now = deps.clock.now();
  const busyFor = heldFor(record.leases[step], now);
  if (busyFor !== null) return { done: false, retryAfterSeconds: busyFor, reason: `${step} is being done by another delivery` };
  const leased: WorkItemRecord = { ...record, leases: { ...record.leases, [step]: newLease(now) } };
  if ((await deps.workItemStore.save(leased)) === 'conflict')
    return { done: false, retryAfterSeconds: BUSY_RETRY_SECONDS, reason: 'work-item record busy' };
  try {
    await work();
  } catch (error) {
    // Let the retry start at once instead of waiting for the lease (best effort: it runs out anyway).
    await release(deps, step, { ...leased, version: leased.version + 1 }).catch(() => undefined);
    throw error;
  }
  await markDone(deps, conversationId, step, { ...leased, version: leased.version + 1 });
  return DONE;
}

async function release(deps: RunOnceDeps, step: string, record: WorkItemRecord): Promise<void> {
  const { [step]: _released, ...leases } = record.leases;
  await deps.workItemStore.save({ ...record, leases });
}

/** Other steps may have written the record meanwhile: re-read and try again until it holds. */
async function markDone(deps: RunOnceDeps, conversationId: string, step: string, known: WorkItemRecord): Promise<void> {
  let record: WorkItemRecord | null = known;
  for (let attempt = 0; attempt < 5 && record; attempt += 1) {
    const { [step]: _finished, ...leases } = record.leases;
    if ((await deps.workItemStore.save({ ...record, done: [...record.done, step], leases })) === 'saved') return;
    record = await deps.workItemStore.get(conversationId);
  }
  // The step is done; without the mark a later delivery checks Jira and finds it done.
}
