import type { Lease } from '../ports/work-items';

/**
 * Per conversation, what the app knows of its work item (R15): the key once created, and
 * enough to never create a second one. The `create` lease lets one invocation at a time attempt
 * the creation (lease.ts, taken with a condition on `version`); `mayExist` says an earlier
 * attempt ended without an answer (it may have created the request), so the next one searches first.
 */
export interface WorkItemRecord {
  readonly conversationId: string;
  readonly projectKey: string;
  readonly key: string | null;
  readonly mayExist: boolean;
  /** When the first attempt started: bounds the search for an ambiguous one. */
  readonly firstAttemptAt: number | null;
  /**
   * Steps that must happen once: `create` (the work item itself) and later ones (the
   * transcript, a reply posted for the agent, a note, run-once.ts). `done` names the later
   * ones finished; `leases` those being done now, by whom and until when.
   */
  readonly done: readonly string[];
  readonly leases: Readonly<Record<string, Lease>>;
  /** 0: not stored yet. */
  readonly version: number;
}

export interface WorkItemStore {
  get(conversationId: string): Promise<WorkItemRecord | null>;
  /** Writes `record` with version + 1 if the stored version is still `record.version`. */
  save(record: WorkItemRecord): Promise<'saved' | 'conflict'>;
}

export function newWorkItemRecord(conversationId: string, projectKey: string): WorkItemRecord {
  return { conversationId, projectKey, key: null, mayExist: false, firstAttemptAt: null, done: [], leases: {}, version: 0 };
}
