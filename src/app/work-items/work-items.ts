import type { WorkItems } from '../ports/work-items';
import { createWorkItem, type CreateWorkItemDeps } from './create-work-item';
import { postFirstReply, type FirstReplyDeps } from './post-first-reply';

/**
 * The WorkItems port: creation is one synchronous attempt (R15, the caller decides what a
 * failure means for the chat); everything after is a job on the `work-item-jobs` queue,
 * except the first reply, which must be tried in the agent's own invocation (R17).
 */
export function createWorkItems(deps: CreateWorkItemDeps & FirstReplyDeps): WorkItems {
  return {
    create: (item) => createWorkItem(deps, item),
    assign: (conversationId, workItemKey, agentId) => deps.workItemJobs.push({ kind: 'assign', conversationId, workItemKey, agentId }),
    postFirstReply: (conversationId, workItemKey, agentId, text) => postFirstReply(deps, { conversationId, workItemKey, agentId, text }),
    closeOut: (conversationId, workItemKey, outcome) => deps.workItemJobs.push({ kind: 'closeOut', conversationId, workItemKey, outcome })
  };
}
