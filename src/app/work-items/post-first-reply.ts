import { isJiraError, type JiraClient } from '../../platform/jira';
import { runOnce, type RunOnceDeps } from './run-once';
import type { JobOutcome, WorkItemJobQueue } from './work-item-job';

/**
 * R17: the agent's first chat message becomes their public reply on the work item, so JSM's
 * time-to-first-response SLA stops. A Forge app can act as a user only inside that user's
 * invocation, and the first message is sent in the agent's own invocation (conversation.send):
 * so the reply is posted there, `asUser()`, after checking with /myself that the invocation's
 * user is that agent. Only if that is impossible (Jira failed, another invocation) does a queued
 * job post it as the app, naming the agent; a redelivered job finds its reply and stops.
 */
export interface FirstReplyDeps extends RunOnceDeps {
  readonly jira: JiraClient;
  readonly workItemJobs: WorkItemJobQueue;
  readonly log: (event: string, fields: Record<string, unknown>) => void;
}

export interface FirstReply {
  readonly conversationId: string;
  readonly workItemKey: string;
  readonly agentId: string;
  readonly text: string;
}

/** In the agent's invocation: one attempt as the agent, else the job. Never throws for Jira. */
export async function postFirstReply(deps: FirstReplyDeps, reply: FirstReply): Promise<void> {
  let retryAfterSeconds = 0;
  try {
    if ((await deps.jira.currentUserId()) === reply.agentId) {
      await deps.jira.addPublicReply(reply.workItemKey, reply.text, 'user');
      return;
    }
  } catch (error) {
    if (!isJiraError(error)) throw error;
    retryAfterSeconds = error.retryable ? error.retryAfterSeconds : 0;
    deps.log('first-reply-as-agent-failed', { conversationId: reply.conversationId, status: error.status });
  }
  await deps.workItemJobs.push({ kind: 'firstReply', ...reply }, retryAfterSeconds);
}

/** The queued fallback: posted by the app, attributed to the agent. */
export async function postFirstReplyAsApp(deps: FirstReplyDeps, reply: FirstReply, agentName: string | null): Promise<JobOutcome> {
  return runOnce(deps, reply.conversationId, 'firstReply', async () => {
    const recent = await deps.jira.recentComments(reply.workItemKey, 50);
    if (recent.some((comment) => squash(comment.text).includes(squash(reply.text)))) return;
    await deps.jira.addPublicReply(reply.workItemKey, `${agentName ?? 'The agent'} replied in the live chat:\n${reply.text}`, 'app');
  });
}

/** Jira stores text as paragraphs: compare with whitespace collapsed. */
function squash(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
