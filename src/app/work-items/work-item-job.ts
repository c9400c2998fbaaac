import { z } from 'zod';

/**
 * The later steps of a chat's work item, run by the `work-item-jobs` consumer with retries
 * (R7, R15, R16, R17). Every job is idempotent: a redelivered one finds its work done.
 */
export const WorkItemJobSchema = z.discriminatedUnion('kind', [
  /** R15: labels and Team, when the edit after creation failed. */
  z.object({ kind: z.literal('label'), conversationId: z.string().min(1), projectKey: z.string().min(1), workItemKey: z.string().min(1) }),
  /** R7 */
  z.object({ kind: z.literal('assign'), conversationId: z.string().min(1), workItemKey: z.string().min(1), agentId: z.string().min(1) }),
  /** R17, when the agent's own reply could not be posted in their invocation: posted by the app, attributed. */
  z.object({ kind: z.literal('firstReply'), conversationId: z.string().min(1), workItemKey: z.string().min(1), agentId: z.string().min(1), text: z.string().min(1) }),
  /** R17 transcript; R15 `live-chat-missed`. */
  z.object({ kind: z.literal('closeOut'), conversationId: z.string().min(1), workItemKey: z.string().min(1), outcome: z.enum(['resolved', 'missed', 'expired']) }),
  /** R16, when the trigger could not put the assignee back at once. */
  z.object({ kind: z.literal('restoreAssignee'), workItemKey: z.string().min(1), changelogId: z.string(), changedBy: z.string().nullable() })
]);

export type WorkItemJob = z.infer<typeof WorkItemJobSchema>;

export interface WorkItemJobQueue {
  push(job: WorkItemJob, delaySeconds?: number): Promise<void>;
}

/** What running a job asks of the consumer: done (or dropped), or try again later. */
export type JobOutcome = { readonly done: true } | { readonly done: false; readonly retryAfterSeconds: number; readonly reason: string };

export const DONE: JobOutcome = { done: true };
