import type { StoredConversation, RoutingWrite } from '../ports/routing-store';
import { DONE, type StepOutcome, type StepTarget, type WorkItemStep } from '../ports/work-items';
import { heldFor, newLease } from './lease';
import type { AppDeps } from '../app-deps';

/** A step a decision owes, with the work item it is for. */
export interface OwedStep {
  readonly target: StepTarget;
  readonly step: WorkItemStep;
}

/**
 * The outbox: work item steps owed by routing decisions (R7, R15, R17) live on the
 * conversation record from the decision's own transaction until they are done. The deciding
 * invocation runs them at once; Jira busy hands them to the job queue; a step whose lease ran
 * out (its invocation died, its job was lost) is found by the sweep. Whoever runs a step
 * holds its lease (lease.ts, taken with a conditional write on the conversation), so two
 * attempts never overlap, and a later attempt first looks on the work item for what an
 * unclear earlier one did.
 */

export type OwedStepDeps = Pick<AppDeps, 'routing' | 'workItems' | 'clock' | 'log'>;

const ATTEMPTS = 5;
/** In the deciding invocation, once its decision committed: each step now (or queued), the done ones cleared in one write per chat. */
export async function settleOwedSteps(deps: OwedStepDeps, owed: readonly OwedStep[], mode: 'now' | 'queue'): Promise<void> {
  const done = new Map<string, WorkItemStep[]>();
  for (const { target, step } of owed) {
    const outcome = mode === 'now' ? await attempt(deps, target, step, 'first') : null;
    if (outcome?.done) done.set(target.conversationId, [...(done.get(target.conversationId) ?? []), step]);
    else await handOver(deps, target, step, outcome?.retryAfterSeconds ?? 0);
  }
  for (const [conversationId, steps] of done) await finishSteps(deps, conversationId, steps);
}

/**
 * R17: the first reply is posted as the agent, which only their own invocation can do, right
 * after the message committed. It is recorded in the outbox only when that attempt fails (a
 * write no chat needs otherwise), then retried by the job queue as the app, naming the agent.
 */
export async function postFirstReplyNow(deps: OwedStepDeps, target: StepTarget, step: WorkItemStep, asAgent: boolean): Promise<void> {
  const outcome = asAgent ? await attempt(deps, target, step, 'first') : null;
  if (outcome?.done) return;
  const delay = outcome?.retryAfterSeconds ?? 0;
  const held: WorkItemStep = { ...step, ...newLease(deps.clock.now(), delay * 1000) };
  let recorded = true;
  try {
    await changeSteps(deps, target.conversationId, (steps) => [...steps.filter((s) => s.kind !== held.kind), held]);
  } catch (error) {
    recorded = false;
    deps.log('work-item-step.record-failed', { conversationId: target.conversationId, kind: step.kind, error: String(error) });
  }
  await handOver(deps, target, held, delay, recorded);
}

/**
 * A later attempt at an owed step (a queued job, or after the sweep found it): taken under a
 * lease, run after checking Jira for it, cleared when done. `handed`: the lease the job was
 * given by whoever queued it; without one, the step is taken only once its lease ran out.
 */
export async function retryOwedStep(
  deps: OwedStepDeps,
  conversationId: string,
  kind: WorkItemStep['kind'],
  handed: string | null
): Promise<StepOutcome> {
  const claimed = await lease(deps, conversationId, kind, handed);
  if (claimed === 'gone') return DONE;
  if ('busyFor' in claimed) return { done: false, retryAfterSeconds: claimed.busyFor, reason: `${kind} is being done by another attempt` };
  const outcome = await attempt(deps, claimed.target, claimed.step, 'again');
  if (outcome.done) await finishSteps(deps, conversationId, [claimed.step]);
  else {
    // Free again when the retry is due, so that the retry (or the sweep) can take it then.
    const until = deps.clock.now() + outcome.retryAfterSeconds * 1000;
    await changeSteps(deps, conversationId, (steps) => steps.map((s) => (same(s, claimed.step) ? { ...s, until } : s))).catch(
      () => undefined
    );
  }
  return outcome;
}

/** The sweep: steps whose lease ran out before `before` go to the job queue (taken there under a new lease). */
export async function requeueLostSteps(deps: OwedStepDeps, before: number, limit: number): Promise<number> {
  let queued = 0;
  for (const stored of await deps.routing.unfinishedSteps(before, limit)) {
    const target = { conversationId: stored.conversation.id, workItemKey: stored.details.workItemKey };
    for (const step of stored.details.workItemSteps ?? []) {
      if (step.until >= before) continue;
      await handOver(deps, target, step, 0);
      queued += 1;
    }
  }
  return queued;
}

async function attempt(deps: OwedStepDeps, target: StepTarget, step: WorkItemStep, when: 'first' | 'again'): Promise<StepOutcome> {
  try {
    return await deps.workItems.runStep(target, step, when);
  } catch (error) {
    // Storage or a bug, not Jira: the queue tries again shortly (and the sweep after that).
    deps.log('work-item-step.failed', { conversationId: target.conversationId, kind: step.kind, error: String(error) });
    return { done: false, retryAfterSeconds: 5, reason: String(error) };
  }
}

/** To the job queue under the step's lease; a push that fails leaves the step for the sweep (it stays owed). */
async function handOver(deps: OwedStepDeps, target: StepTarget, step: WorkItemStep, delaySeconds: number, recorded = true): Promise<void> {
  try {
    await deps.workItems.queueStep(target, step, delaySeconds, recorded);
  } catch (error) {
    deps.log('work-item-step.queue-failed', { conversationId: target.conversationId, kind: step.kind, error: String(error) });
  }
}

/** Done steps leave the outbox; one that someone else has leased since is theirs to clear. */
async function finishSteps(deps: OwedStepDeps, conversationId: string, done: readonly WorkItemStep[]): Promise<void> {
  try {
    await changeSteps(deps, conversationId, (steps) => steps.filter((s) => !done.some((d) => same(s, d))));
  } catch (error) {
    // Left owed: a later attempt finds the work done on the work item and clears it.
    deps.log('work-item-step.clear-failed', { conversationId, error: String(error) });
  }
}

type Leased = 'gone' | { readonly busyFor: number } | { readonly target: StepTarget; readonly step: WorkItemStep };

async function lease(deps: OwedStepDeps, conversationId: string, kind: WorkItemStep['kind'], handed: string | null): Promise<Leased> {
  for (let i = 0; i < ATTEMPTS; i++) {
    const [stored] = await deps.routing.conversations([conversationId]);
    const step = stored?.details.workItemSteps?.find((s) => s.kind === kind);
    if (!stored || !step) return 'gone';
    const target = { conversationId, workItemKey: stored.details.workItemKey };
    const now = deps.clock.now();
    // Handed the lease or not, it is taken with a conditional write: a job delivered twice at once runs once.
    const busyFor = heldFor(step, now, handed);
    if (busyFor !== null) return { busyFor };
    const taken: WorkItemStep = { ...step, ...newLease(now) };
    const steps = (stored.details.workItemSteps ?? []).map((s) => (same(s, step) ? taken : s));
    if ((await deps.routing.commit(rewrite(stored, steps))) === 'committed') return { target, step: taken };
  }
  return { busyFor: 5 };
}

/** Rewrites the conversation's owed steps, on condition of the version read (re-read on a conflict). */
async function changeSteps(
  deps: OwedStepDeps,
  conversationId: string,
  change: (steps: readonly WorkItemStep[]) => WorkItemStep[]
): Promise<void> {
  for (let i = 0; i < ATTEMPTS; i++) {
    const [stored] = await deps.routing.conversations([conversationId]);
    if (!stored) return;
    const before = stored.details.workItemSteps ?? [];
    const after = change(before);
    if (after.length === before.length && after.every((s, n) => same(s, before[n]) && s.until === before[n].until)) return;
    if ((await deps.routing.commit(rewrite(stored, after))) === 'committed') return;
  }
  throw new Error(`The owed steps of ${conversationId} kept changing under us.`);
}

function rewrite(stored: StoredConversation, steps: readonly WorkItemStep[]): RoutingWrite {
  const { workItemSteps: _replaced, ...details } = stored.details;
  return {
    agents: [],
    presence: [],
    conversations: [
      {
        conversation: stored.conversation,
        details: steps.length > 0 ? { ...details, workItemSteps: steps } : details,
        expectedVersion: stored.version,
        wasWaiting: stored.conversation.status === 'waiting'
      }
    ],
    messages: [],
    aiTurns: [],
    history: []
  };
}

/** One step of a kind per conversation at a time; `by` tells one lease on it from another. */
function same(a: WorkItemStep, b: WorkItemStep): boolean {
  return a.kind === b.kind && a.by === b.by;
}
