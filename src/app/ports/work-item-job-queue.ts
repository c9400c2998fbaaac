import type { WorkItemJob } from '../work-items/work-item-job';

/** The `work-item-jobs` queue: a job for later, at least once (src/platform/spaces/work-item-job-queue.ts). */
export interface WorkItemJobQueue {
  push(job: WorkItemJob, delaySeconds?: number): Promise<void>;
}
