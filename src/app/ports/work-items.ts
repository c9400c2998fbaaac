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
}

export type WorkItemCreation =
  | { readonly ok: true; readonly workItemKey: string }
  /** Jira answered 429/5xx: the work item may be created later by the job queue (`retryAfterSeconds`). */
  | { readonly ok: false; readonly retryable: true; readonly retryAfterSeconds: number; readonly message: string }
  | { readonly ok: false; readonly retryable: false; readonly message: string };

export interface WorkItems {
  /** Creates the work item now (one attempt); never creates a second one for the same conversation. */
  create(item: NewWorkItem): Promise<WorkItemCreation>;
  /** Queue the later steps; each runs in the work-item-jobs consumer with retries. */
  assign(conversationId: string, workItemKey: string, agentId: string): Promise<void>;
  /** R17: the agent's first message as that agent's public reply. */
  postFirstReply(conversationId: string, workItemKey: string, agentId: string, text: string): Promise<void>;
  /** R17: at the end, the whole transcript as one internal comment; R15: `live-chat-missed` label when missed. */
  closeOut(conversationId: string, workItemKey: string, outcome: 'resolved' | 'missed' | 'expired'): Promise<void>;
}
