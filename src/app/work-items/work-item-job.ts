import { z } from 'zod';

/** A step a routing decision owes (src/app/ports/work-items.ts), as queued, with the claim handed to the job. */
const claim = { until: z.number(), by: z.string().min(1) };
const WorkItemStepSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('label'), projectKey: z.string().min(1), ...claim }),
  z.object({ kind: z.literal('assign'), agentId: z.string().min(1), ...claim }),
  z.object({ kind: z.literal('firstReply'), agentId: z.string().min(1), text: z.string().min(1), ...claim }),
  z.object({ kind: z.literal('closeOut'), outcome: z.enum(['resolved', 'missed', 'expired']), ...claim })
]);

/**
 * The later steps of a chat's work item, run by the `work-item-jobs` consumer with retries
 * (R7, R15, R16, R17). Every job is idempotent: a redelivered one finds its work done.
 */
export const WorkItemJobSchema = z.discriminatedUnion('kind', [
  /** R7, R15, R17: a step owed by a routing decision, kept in its conversation's outbox until done (owed-steps.ts). */
  z.object({
    kind: z.literal('step'),
    conversationId: z.string().min(1),
    workItemKey: z.string().min(1),
    step: WorkItemStepSchema,
    recorded: z.literal(false).optional()
  }),
  /** R15: labels and Team, for a chat routing never stored (else a `step`). */
  z.object({ kind: z.literal('label'), conversationId: z.string().min(1), projectKey: z.string().min(1), workItemKey: z.string().min(1) }),
  /** R17 transcript; R15 `live-chat-missed`: for a chat routing never stored (else a `step`). */
  z.object({
    kind: z.literal('closeOut'),
    conversationId: z.string().min(1),
    workItemKey: z.string().min(1),
    outcome: z.enum(['resolved', 'missed', 'expired'])
  }),
  /** R16, when the trigger could not put the assignee back at once. */
  z.object({
    kind: z.literal('restoreAssignee'),
    workItemKey: z.string().min(1),
    changelogId: z.string(),
    changedBy: z.string().nullable()
  })
]);

export type WorkItemJob = z.infer<typeof WorkItemJobSchema>;
