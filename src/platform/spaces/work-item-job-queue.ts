import { Queue } from '@forge/events';
import type { WorkItemJobQueue } from '../../app/ports/work-item-job-queue';

/** The `work-item-jobs` queue (manifest.yml). Delays above the platform's 15 minutes are capped: a job only ever waits for a Retry-After. */
const MAX_DELAY_SECONDS = 900;

export function workItemJobQueue(): WorkItemJobQueue {
  const queue = new Queue({ key: 'work-item-jobs' });
  return {
    async push(job, delaySeconds) {
      const delay = delaySeconds === undefined ? undefined : Math.min(Math.max(0, Math.ceil(delaySeconds)), MAX_DELAY_SECONDS);
      await queue.push({ body: job, ...(delay ? { delayInSeconds: delay } : {}) });
    }
  };
}
