import { runWorkItemJob } from '../app/work-items/run-work-item-job';
import { WorkItemJobSchema } from '../app/work-items/work-item-job';
import { composeApp, retryLater, type RetryLater } from '../composition';

/** Unexpected failures (storage, a bug) are retried this many times with the platform's backoff, then dropped. */
const MAX_UNEXPECTED_RETRIES = 5;

interface JobEvent {
  body?: unknown;
  retryContext?: { retryCount?: number };
}

/**
 * The `work-item-jobs` consumer (R7, R15, R16, R17). Jira's 429/5xx: redelivery after its
 * Retry-After; permanent Jira refusals: dropped after one log line (in runWorkItemJob).
 * Every job is idempotent, so a redelivery finds its work done.
 */
export async function onWorkItemJob(event: JobEvent): Promise<RetryLater | undefined> {
  const parsed = WorkItemJobSchema.safeParse(event?.body);
  if (!parsed.success) {
    console.error(JSON.stringify({ event: 'work-item-job-invalid', error: parsed.error.message }));
    return undefined;
  }
  try {
    const outcome = await runWorkItemJob(composeApp(), parsed.data);
    if (outcome.done) return undefined;
    return retryLater(outcome.retryAfterSeconds);
  } catch (error) {
    const retries = event.retryContext?.retryCount ?? 0;
    console.error(JSON.stringify({ event: 'work-item-job-failed', kind: parsed.data.kind, retries, error: String(error) }));
    return retries < MAX_UNEXPECTED_RETRIES ? retryLater(30) : undefined;
  }
}
