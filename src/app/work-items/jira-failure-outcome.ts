import type { AppDeps } from '../app-deps';
import { isJiraError } from '../ports/jira-error';
import { DONE, type StepOutcome } from '../ports/work-items';

/**
 * A Jira failure of a work item job or step, as its outcome: Jira busy (429/5xx) asks for a
 * retry after its Retry-After; a refusal that cannot change (4xx) is dropped after one
 * structured log line. Anything but a Jira failure is thrown on.
 */
export function jiraFailureOutcome(log: AppDeps['log'], error: unknown, what: { kind: string; workItemKey: string }): StepOutcome {
  if (!isJiraError(error)) throw error;
  if (error.retryable) return { done: false, retryAfterSeconds: error.retryAfterSeconds, reason: error.message };
  log('work-item-job-dropped', { ...what, status: error.status, message: error.message });
  return DONE;
}
