import type { Change, Result } from '../../domain';
import { AppError } from '../app-error';
import { isStorageBusy } from '../ports/storage-busy';
import { MAX_WRITES_PER_TRANSACTION, writeCount, type RoutingWrite } from '../ports/routing-store';
import { DecisionSession } from './decision-session';
import { planEffects, runEffects, sortEffects } from './run-effects';
import type { AppDeps } from '../app-deps';

/** A decision's Change, and what the use case answers. */
export interface Decided<T> {
  readonly change: Change;
  readonly value: T;
}

export interface DecisionOptions {
  /**
   * After the attempts, try a few more with offers deferred (the event's own records only,
   * which agents' offers do not contend for) and dispatch in a follow-up job, rather than
   * answer `conflict`. For decisions that must not be lost (a request, a timer, an ending).
   */
  readonly deferLastAttempt?: boolean;
  /** Attempts before `conflict` (default DECISION_ATTEMPTS). */
  readonly attempts?: number;
  /** The account this invocation runs for, when it is the deciding agent's own (R17: a first reply is posted as them). */
  readonly actingAs?: string;
  /**
   * Run the work item steps the decision owes in this invocation (default), or hand them to
   * the job queue (the sweep, which repairs many chats in one short invocation).
   */
  readonly stepsInline?: boolean;
}

/** Attempts before a decision gives up on contention (each reloads what it reads). */
export const DECISION_ATTEMPTS = 6;
/** Attempts with offers deferred after those: only the event's own records, rarely contended. */
export const DEFERRED_ATTEMPTS = 3;
/** Waiting conversations per space one dispatch considers (a transaction holds 25 writes). */
export const QUEUE_HEAD_LIMIT = 8;

/**
 * load → decide → persist, retried whole on a conflict: every record is written on
 * condition that it is still at the version the decision read, so two decisions on the
 * same agent or conversation can never both be written (no over- or double-assignment).
 * Runs the effects of the decision that committed, once (run-effects.ts, also for what is
 * written with it so that nothing that must follow it can be lost).
 */
export async function runDecision<T>(
  deps: AppDeps,
  decide: (session: DecisionSession) => Promise<Decided<T>>,
  options: DecisionOptions = {}
): Promise<Decided<T>> {
  let headLimit = QUEUE_HEAD_LIMIT;
  const attempts = options.attempts ?? DECISION_ATTEMPTS;
  const deferred = options.deferLastAttempt === true ? DEFERRED_ATTEMPTS : 0;
  for (let attempt = 1; attempt <= attempts + deferred; attempt++) {
    let defer = attempt > attempts;
    let oversize = Infinity;
    for (;;) {
      const session = new DecisionSession(deps, deps.clock.now(), headLimit, defer);
      let decided: Decided<T>;
      try {
        decided = await decide(session);
      } catch (error) {
        // Storage busy for a moment while reading: like a conflict, the next attempt reads afresh.
        if (isStorageBusy(error) && attempt < attempts + deferred) break;
        throw error;
      }
      const effects = sortEffects(deps, session, decided.change);
      const write = session.write(decided.change, effects.statusReasons);
      const writes = writeCount(write);
      if (writes > MAX_WRITES_PER_TRANSACTION) {
        if (defer) throw new Error(`A decision needs ${writes} writes even without offers.`);
        // Fewer waiting chats while that helps, else none: follow-up jobs dispatch the rest.
        if (headLimit > 1 && writes < oversize) headLimit = Math.floor(headLimit / 2);
        else defer = true;
        oversize = writes;
        continue;
      }
      // The owed work item steps and the next timer event are written with the decision.
      const plan = planEffects(effects, write, session.now);
      if (!(await committed(deps, plan.write, attempt < attempts + deferred))) break;
      await runEffects(deps, session, decided.change, effects, plan, options);
      return decided;
    }
  }
  throw new AppError('conflict', 'Someone else changed this chat at the same moment. Please try again.');
}

/**
 * False when a condition failed, or storage was busy and another attempt may follow: every
 * write is conditional on the versions read, so if a busy answer hid a write that happened,
 * the next attempt reads it and decides from there (a request already stored is answered as it is).
 */
async function committed(deps: AppDeps, write: RoutingWrite, mayRetry: boolean): Promise<boolean> {
  if (writeCount(write) === 0) return true;
  try {
    return (await deps.routing.commit(write)) === 'committed';
  } catch (error) {
    if (mayRetry && isStorageBusy(error)) return false;
    throw error;
  }
}

/** A domain refusal becomes the AppError the handlers map (same codes). */
export function orThrow<T>(result: Result<T>): T {
  if (!result.ok) {
    const { code, message, fields } = result.error;
    throw new AppError(code, message, fields ? Object.fromEntries(fields.map((f) => [f.field, f.message])) : undefined);
  }
  return result.value;
}
