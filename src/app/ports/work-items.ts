/**
 * The chat's work item in Jira (R15–R17), owned by the work-items part of the backend.
 * Every method is idempotent and safe to retry: a redelivered job finds its work done.
 */
export interface NewWorkItem {
  readonly conversationId: string;
  readonly projectKey: string;
  /** R15: from the AI's summary of the need. */
  readonly summary: string;
  /** R15: the AI conversation so far, as plain text lines ("Customer: ...", "AI: ..."). */
  readonly context: string;
  /** The customer's account when known (raised on their behalf); null for anonymous visitors. */
  readonly customerAccountId: string | null;
  /**
   * The conversation id was made up just now (no idempotency key): no other invocation can be
   * creating its work item and no earlier attempt can have, so no creation lease is written.
   */
  readonly freshConversation?: boolean;
  /** Labels besides the default one, set in the same edit (H3: `live-chat-after-hours`). */
  readonly extraLabels?: readonly string[];
}

export type WorkItemCreation =
  /**
   * `customerName`: the reporter's name as JSM answered it, when the request was raised on the
   * customer's behalf. `unlabelled`: Jira was busy when the default label and the Team were to
   * be set: the chat owes that step (WorkItemStep `label`).
   */
  | { readonly ok: true; readonly workItemKey: string; readonly customerName?: string; readonly unlabelled?: true }
  /** Jira answered 429/5xx: the work item may be created later by the job queue (`retryAfterSeconds`). */
  | { readonly ok: false; readonly retryable: true; readonly retryAfterSeconds: number; readonly message: string }
  | { readonly ok: false; readonly retryable: false; readonly message: string };

/**
 * Who works on a once-only step, until when: nobody else starts it before `until`. Taken with a
 * conditional write (src/app/work-items/lease.ts); `by` names the lease, so two taken at the
 * same instant are never mistaken for each other.
 */
export interface Lease {
  readonly until: number;
  readonly by: string;
}

/**
 * A step a chat's work item is owed by a routing decision (R15 label, R7 assign, R17 first
 * reply, R17 and R15 close-out). It is kept on the conversation record (the outbox), written in
 * the same transaction as the decision that owes it, until it is done: so no step is lost,
 * whatever dies or fails after the decision.
 */
export type WorkItemStep = Lease &
  (
    | /** R15's second step (the default label and the Team), when it could not be done at creation. */ {
        readonly kind: 'label';
        readonly projectKey: string;
      }
    | { readonly kind: 'assign'; readonly agentId: string }
    | { readonly kind: 'firstReply'; readonly agentId: string; readonly text: string }
    | { readonly kind: 'closeOut'; readonly outcome: 'resolved' | 'missed' | 'expired' }
  );

/** What running a step or a work-item job came to: done (or refused by Jira for good, after one log line), or try again later. */
export type StepOutcome = { readonly done: true } | { readonly done: false; readonly retryAfterSeconds: number; readonly reason: string };

export const DONE: StepOutcome = { done: true };

export interface WorkItems {
  /** Creates the work item now (one attempt); never creates a second one for the same conversation. */
  create(item: NewWorkItem): Promise<WorkItemCreation>;
  /**
   * Runs an owed step now, once. `first`: in the invocation whose decision owes it, right
   * after it committed, so nobody can have done it yet (R17: a first reply is then posted as
   * the agent, whose invocation this is). `again`: a later attempt, which first looks on the
   * work item for what an earlier, unclear attempt may have done.
   */
  runStep(target: StepTarget, step: WorkItemStep, attempt: 'first' | 'again'): Promise<StepOutcome>;
  /**
   * Hands an owed step to the work-items job queue, to run after `delaySeconds` under its lease
   * (`step.by`). `recorded: false`: it could not be recorded on the chat (storage busy), so
   * the job runs it once on its own (guarded by the work item's record) instead of taking its lease.
   */
  queueStep(target: StepTarget, step: WorkItemStep, delaySeconds: number, recorded?: boolean): Promise<void>;
  /**
   * R15, R17 for a chat routing never stored, so no step can be owed on its record: the
   * close-out of a missed chat (and the label and Team if they are still missing), queued.
   */
  closeOutUnrouted(chat: {
    readonly conversationId: string;
    readonly projectKey: string;
    readonly workItemKey: string;
    readonly unlabelled: boolean;
  }): Promise<void>;
}

export interface StepTarget {
  readonly conversationId: string;
  readonly workItemKey: string;
}
