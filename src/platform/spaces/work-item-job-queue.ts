import { Queue } from '@forge/events';
import type { WorkItemJob, WorkItemJobQueue } from '../../app/work-items/work-item-job';

/** The `work-item-jobs` queue (manifest.yml). Delays above the platform's 15 minutes are capped: a job only ever waits for a Retry-After. */
const MAX_DELAY_SECONDS = 900;

export function workItemJobQueue(): WorkItemJobQueue {
  const queue = new Queue({ key: 'work-item-jobs' });
  return {
    async push(job: WorkItemJob, delaySeconds?: number) {
      const delay = delaySeconds === undefined ? undefined : Math.min(Math.max(0, Math.ceil(delaySeconds)), MAX_DELAY_SECONDS);
      await queue.push({ body: job, ...(delay ? { delayInSeconds: delay } : {}) });
    }
  };
}
