import type { JiraClient } from '../ports/jira';
import { runOnce, type RunOnceDeps } from './run-once';
import type { StepOutcome } from '../ports/work-items';
import { transcriptHeading } from './work-item-text';

/**
 * R17: the agent's first chat message becomes their public reply on the work item, so JSM's
 * time-to-first-response SLA stops. A Forge app can act as a user only inside that user's
 * invocation, and the first message is sent in the agent's own invocation (conversation.send,
 * whose caller the platform vouches for): so the reply is posted there, `asUser()`. Only if
 * that fails does a later attempt post it as the app, naming the agent, after looking for it.
 */
export interface FirstReplyDeps extends RunOnceDeps {
  readonly jira: JiraClient;
  readonly log: (event: string, fields: Record<string, unknown>) => void;
}

export interface FirstReply {
  readonly conversationId: string;
  readonly workItemKey: string;
  readonly agentId: string;
  readonly text: string;
}

/** In the agent's own invocation (the caller makes sure of that): the reply as them. Throws Jira's errors. */
export async function postFirstReplyAsAgent(deps: Pick<FirstReplyDeps, 'jira'>, reply: FirstReply): Promise<void> {
  await deps.jira.addPublicReply(reply.workItemKey, reply.text, 'user');
}

/** A later attempt (its claim held by owed-steps.ts): posted by the app, attributed, unless an earlier attempt got through. */
export async function postFirstReplyForAgent(deps: Pick<FirstReplyDeps, 'jira'>, reply: FirstReply): Promise<void> {
  const recent = await deps.jira.recentComments(reply.workItemKey, 50);
  // The transcript (an internal note) may hold the same words already: only a reply counts.
  const transcript = transcriptHeading(reply.conversationId);
  if (recent.some((comment) => !comment.text.includes(transcript) && squash(comment.text).includes(squash(reply.text)))) return;
  const agentName = await deps.jira.displayName(reply.agentId);
  await deps.jira.addPublicReply(reply.workItemKey, `${agentName ?? 'The agent'} replied in the live chat:\n${reply.text}`, 'app');
}

/** A first reply its invocation could not record on the chat (storage busy), queued on its own: the same, once. */
export async function postFirstReplyAsApp(deps: FirstReplyDeps, reply: FirstReply): Promise<StepOutcome> {
  return runOnce(deps, reply.conversationId, 'firstReply', () => postFirstReplyForAgent(deps, reply));
}

/** Jira stores text as paragraphs: compare with whitespace collapsed. */
function squash(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
