import type { JiraClient } from '../ports/jira';
import { isJiraError } from '../ports/jira-error';
import { DONE, type StepOutcome, type StepTarget, type WorkItemStep } from '../ports/work-items';
import type { AppDeps } from '../app-deps';
import type { LoadSpaceDeps } from '../spaces/load-space';
import { closeOutOwed } from './close-out-work-item';
import { jiraFailureOutcome } from './jira-failure-outcome';
import { labelWorkItemOfSpace } from './label-work-item';
import { postFirstReplyAsAgent, postFirstReplyForAgent } from './post-first-reply';

export type WorkItemStepDeps = { readonly jira: JiraClient; readonly log: AppDeps['log'] } & Pick<AppDeps, 'routing' | 'messages'> &
  LoadSpaceDeps;

/**
 * One attempt at a step a routing decision owes the work item (owed-steps.ts holds its claim):
 * R15 the default label and the Team (adding a label twice changes nothing), R7 the assignee (setting the same one again changes nothing), R17 the first reply, R17/R15
 * the close-out. Jira busy (429/5xx): try again after its Retry-After; a refusal that cannot
 * change (4xx) is dropped after one structured log line.
 */
export async function runWorkItemStep(
  deps: WorkItemStepDeps,
  target: StepTarget,
  step: WorkItemStep,
  attempt: 'first' | 'again'
): Promise<StepOutcome> {
  try {
    switch (step.kind) {
      case 'label':
        return await labelWorkItemOfSpace(deps, step.projectKey, target.workItemKey);
      case 'assign':
        await deps.jira.setAssignee(target.workItemKey, step.agentId);
        return DONE;
      case 'firstReply':
        if (attempt === 'first') return await replyAsAgent(deps, target, step);
        await postFirstReplyForAgent(deps, { ...target, agentId: step.agentId, text: step.text });
        return DONE;
      case 'closeOut':
        await closeOutOwed(deps, { ...target, outcome: step.outcome }, attempt);
        return DONE;
    }
  } catch (error) {
    return jiraFailureOutcome(deps.log, error, { kind: step.kind, workItemKey: target.workItemKey });
  }
}

/** Whatever Jira answers the agent (even a refusal: their permissions are not the app's), the app posts it for them next. */
async function replyAsAgent(
  deps: WorkItemStepDeps,
  target: StepTarget,
  step: Extract<WorkItemStep, { kind: 'firstReply' }>
): Promise<StepOutcome> {
  try {
    await postFirstReplyAsAgent(deps, { ...target, agentId: step.agentId, text: step.text });
    return DONE;
  } catch (error) {
    if (!isJiraError(error)) throw error;
    deps.log('first-reply-as-agent-failed', { conversationId: target.conversationId, status: error.status });
    return { done: false, retryAfterSeconds: error.retryable ? error.retryAfterSeconds : 0, reason: error.message };
  }
}
