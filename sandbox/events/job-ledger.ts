import type { TimerHandle } from '../runtime/clock';
import type { EventConcurrency, RetryContext } from './async-event';
import type { PushRequest } from './push-request';

/**
 * Every pushed job and event, and where each event stands. Forge does not define the job
 * stats buckets; the sandbox counts `success` = acknowledged, `failed` = given up (retention
 * window closed, or a retry the platform refused), `inProgress` = everything else that can
 * still happen, plus events the `drop` fault lost (the platform never learns they are gone).
 * Cancelled events leave every bucket.
 */
export const RETENTION_MS = 24 * 60 * 60 * 1000;
/** Platform-level failures may extend the window by 72 h, to 96 h in all. */
export const MAX_RETENTION_MS = 96 * 60 * 60 * 1000;

export type EventStatus = 'waiting' | 'running' | 'succeeded' | 'failed' | 'cancelled' | 'lost';

export interface EventRecord {
  queueName: string;
  jobId: string;
  eventId: string;
  body: Record<string, unknown>;
  delayInSeconds?: number;
  concurrency?: EventConcurrency;
  enqueuedAt: number;
  retentionEndsAt: number;
  status: EventStatus;
  /** Times the consumer was handed this event, duplicates included. */
  deliveries: number;
  /** Backoffs taken without an app request (errors, busy concurrency key): drives the exponential schedule. */
  backoffs: number;
  retryContext?: Omit<RetryContext, 'retentionWindow'>;
  /** Set when the job is cancelled: a running delivery finishes, but nothing is redelivered. */
  cancelled?: boolean;
  failureReason?: string;
  timer?: TimerHandle;
}

export interface JobStats {
  success: number;
  inProgress: number;
  failed: number;
}

export interface EventView {
  eventId: string;
  status: EventStatus;
  deliveries: number;
  retryCount: number;
  body: Record<string, unknown>;
  failureReason?: string;
}

export interface JobView {
  queueName: string;
  jobId: string;
  events: EventView[];
}

export class JobLedger {
  private jobs = new Map<string, EventRecord[]>();

  record(push: PushRequest, now: number): EventRecord[] {
    const key = jobKey(push.queueName, push.jobId);
    const earlier = this.jobs.get(key) ?? [];
    const events = push.accepted.map((event, n): EventRecord => ({
      queueName: push.queueName,
      jobId: push.jobId,
      // Unique within the job even if a caller reuses a jobId (the SDK mints a new one per push).
      eventId: `${push.jobId}-${earlier.length + n}`,
      body: event.body,
      ...(event.delayInSeconds !== undefined ? { delayInSeconds: event.delayInSeconds } : {}),
      ...(event.concurrency ? { concurrency: event.concurrency } : {}),
      enqueuedAt: now,
      retentionEndsAt: now + RETENTION_MS,
      status: 'waiting',
      deliveries: 0,
      backoffs: 0
    }));
    this.jobs.set(key, [...earlier, ...events]);
    return events;
  }

  /** Undefined when the job does not exist in that queue (the SDK's JobDoesNotExistError). */
  events(queueName: string, jobId: string): EventRecord[] | undefined {
    return this.jobs.get(jobKey(queueName, jobId));
  }

  stats(events: EventRecord[]): JobStats {
    const stats: JobStats = { success: 0, inProgress: 0, failed: 0 };
    for (const event of events) {
      if (event.status === 'succeeded') stats.success += 1;
      else if (event.status === 'failed') stats.failed += 1;
      else if (event.status !== 'cancelled') stats.inProgress += 1;
    }
    return stats;
  }

  /** Events that will still reach (or are reaching) a consumer. Lost events never will. */
  pending(): number {
    let count = 0;
    for (const events of this.jobs.values()) {
      count += events.filter((e) => e.status === 'waiting' || e.status === 'running').length;
    }
    return count;
  }

  view(): JobView[] {
    return [...this.jobs.values()].map((events) => ({
      queueName: events[0].queueName,
      jobId: events[0].jobId,
      events: events.map((e) => ({
        eventId: e.eventId,
        status: e.status,
        deliveries: e.deliveries,
        retryCount: e.retryContext?.retryCount ?? 0,
        body: e.body,
        ...(e.failureReason ? { failureReason: e.failureReason } : {})
      }))
    }));
  }
}

function jobKey(queueName: string, jobId: string): string {
  return `${queueName}\u0000${jobId}`;
}
