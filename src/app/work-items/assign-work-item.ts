import type { JiraClient } from '../ports/jira';
import { DONE, type JobOutcome } from './work-item-job';

/** R7: the accepting agent becomes the work item's assignee (setting the same assignee again changes nothing). */
export async function assignWorkItem(deps: { jira: JiraClient }, job: { workItemKey: string; agentId: string }): Promise<JobOutcome> {
  await deps.jira.setAssignee(job.workItemKey, job.agentId);
  return DONE;
}
