import { closeOutWorkItem, type CloseOutDeps } from './close-out-work-item';
import { jiraFailureOutcome } from './jira-failure-outcome';
import { labelWorkItemOfSpace } from './label-work-item';
import { retryOwedStep, type OwedStepDeps } from './owed-steps';
import { postFirstReplyAsApp, type FirstReplyDeps } from './post-first-reply';
import { restoreAssignee, type RestoreAssigneeDeps } from './restore-assignee';
import type { LoadSpaceDeps } from '../spaces/load-space';
import type { StepOutcome } from '../ports/work-items';
import type { WorkItemJob } from './work-item-job';

export type WorkItemJobDeps = CloseOutDeps & FirstReplyDeps & RestoreAssigneeDeps & LoadSpaceDeps & OwedStepDeps;

/**
 * The `work-item-jobs` consumer's one use case: run the job; a Jira 429/5xx asks for a retry
 * after its Retry-After, anything permanent (4xx) is dropped after one structured log line.
 */
export async function runWorkItemJob(deps: WorkItemJobDeps, job: WorkItemJob): Promise<StepOutcome> {
  try {
    return await run(deps, job);
  } catch (error) {
    return jiraFailureOutcome(deps.log, error, { kind: job.kind, workItemKey: job.workItemKey });
  }
}

async function run(deps: WorkItemJobDeps, job: WorkItemJob): Promise<StepOutcome> {
  switch (job.kind) {
    case 'label':
      return labelWorkItemOfSpace(deps, job.projectKey, job.workItemKey);
    case 'step':
      // A first reply its invocation could not record (storage busy): posted once, guarded by the work item's record.
      if (job.recorded === false && job.step.kind === 'firstReply')
        return postFirstReplyAsApp(deps, { ...job, agentId: job.step.agentId, text: job.step.text });
      return retryOwedStep(deps, job.conversationId, job.step.kind, job.step.by);
    case 'closeOut':
      return closeOutWorkItem(deps, job);
    case 'restoreAssignee':
      return restoreAssignee(deps, job);
  }
}
