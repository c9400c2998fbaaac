import { Queue, type PushEvent } from '@forge/events';
import type { ChatJob, ChatTimers } from '../../app/ports/chat-timers';

/** The queue's longest delay; later timers are chained (see the chat-timers consumer). */
export const MAX_DELAY_SECONDS = 900;
const EVENTS_PER_PUSH = 50;

export function queueChatTimers(now: () => number): ChatTimers {
  const queue = new Queue({ key: 'chat-timers' });
  return {
    async enqueue(jobs) {
      const events = jobs.map((job): PushEvent => ({ body: { ...job }, delayInSeconds: delayOf(job, now()) }));
      for (let i = 0; i < events.length; i += EVENTS_PER_PUSH) await queue.push(events.slice(i, i + EVENTS_PER_PUSH));
    }
  };
}

/** Never early: a timer delivered before its time would only be pushed again. */
export function delayOf(job: ChatJob, now: number): number {
  if (job.at === undefined) return 0;
  return Math.min(MAX_DELAY_SECONDS, Math.max(0, Math.ceil((job.at - now) / 1000)));
}
