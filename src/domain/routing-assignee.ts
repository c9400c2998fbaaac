import { isEnded, type Conversation } from './conversation';

/** R16: what to do about the assignee Jira shows on a chat's work item. */
export type AssigneeDecision =
  /** It is routing's (the app's own edit, a redelivery), or the chat has ended: nothing to do. */
  | { readonly type: 'leave' }
  /** Someone else changed it while the chat runs: put routing's back, and record that `replaced` was undone. */
  | { readonly type: 'restore'; readonly assignee: string | null; readonly replaced: string | null };

/**
 * R16: only routing sets the assignee, while the chat runs. Decision: once the chat has ended
 * the work item is the team's to reassign, so nothing is guarded (and Jira need not be read).
 */
export function guardsAssignee(conversation: Conversation): boolean {
  return !isEnded(conversation);
}

/**
 * R16: an assignee other than routing's on a running chat's work item is put back. Decision:
 * before an agent accepts, routing's assignee is nobody, so any assignee is removed.
 *
 * `current`: the assignee Jira shows now (read after the change, so a late or repeated event
 * decides on what is there, not on what the event said).
 */
export function decideAssignee(conversation: Conversation, current: string | null): AssigneeDecision {
  if (!guardsAssignee(conversation) || current === conversation.assignee) return { type: 'leave' };
  return { type: 'restore', assignee: conversation.assignee, replaced: current };
}
