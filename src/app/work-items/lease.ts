import { randomUUID } from 'node:crypto';
import type { Lease } from '../ports/work-items';

/**
 * The one way a Jira step is done once although its invocation may die and its job be
 * delivered twice: whoever works on it holds a lease, taken with a conditional write on the
 * record where the step's state lives (the conversation's outbox for the steps a decision owes,
 * owed-steps.ts; the work item's record for its creation and for the once-only steps of chats
 * with no outbox, create-work-item.ts, run-once.ts). Nobody else starts it before the lease
 * runs out; a holder that died leaves one that does, and the next holder first looks on the
 * work item for what an unclear attempt did.
 */

/** Longer than any invocation that holds a lease runs (Forge stops a resolver after 25 s and a consumer after 55 s). */
export const LEASE_MS = 60_000;

/** A new lease from `now` (plus `laterMs` when the work is to start later). */
export function newLease(now: number, laterMs = 0): Lease {
  return { until: now + laterMs + LEASE_MS, by: randomUUID().slice(0, 8) };
}

/**
 * Seconds (at least one) until a lease someone else holds runs out: when to try again; null
 * when the step is free to take. `mine` names a lease handed to the caller (a queued job's).
 */
export function heldFor(lease: Lease | undefined, now: number, mine: string | null = null): number | null {
  if (lease === undefined || lease.until <= now || lease.by === mine) return null;
  return Math.max(1, Math.ceil((lease.until - now) / 1000));
}
