/**
 * The AsyncEvent a Forge consumer function receives (@forge/events `AsyncEvent`): the pushed
 * fields plus the platform's `queueName`, `jobId`, `eventId` and, on redeliveries only,
 * `retryContext`. There is no `payload` property (that was @forge/events 1.x).
 */
export interface EventConcurrency {
  key: string;
  limit: number;
}

export interface RetentionWindow {
  /** ISO-8601 time the event was enqueued. */
  startTime: string;
  /** Time left before the retention window (24 h, extended by platform-level failures) closes. */
  remainingTimeMs: number;
}

export interface RetryContext {
  /** App-requested and app-level retries so far; platform-level failures do not increment it. */
  retryCount: number;
  retryReason: string;
  retryData: unknown;
  retentionWindow?: RetentionWindow;
}

export interface AsyncEventPayload {
  queueName: string;
  jobId: string;
  eventId: string;
  body: Record<string, unknown>;
  delayInSeconds?: number;
  concurrency?: EventConcurrency;
  /** Present only when the event is being redelivered. */
  retryContext?: RetryContext;
}

/** What the lead's app host supplies: runs the queue's consumer and resolves to its return value. */
export type DeliverEvent = (queueKey: string, event: AsyncEventPayload) => Promise<unknown>;

/**
 * Reasons the platform attaches to redeliveries (the values of @forge/events InvocationErrorCode).
 * Kept as literals here so the sandbox does not depend on the SDK it emulates.
 */
export const RETRY_REASONS = [
  'FUNCTION_OUT_OF_MEMORY',
  'FUNCTION_TIME_OUT',
  'FUNCTION_PLATFORM_UNKNOWN_ERROR',
  'FUNCTION_PLATFORM_RATE_LIMITED',
  'FUNCTION_UPSTREAM_RATE_LIMITED',
  'FUNCTION_RETRY_REQUEST'
] as const;

export type RetryReason = (typeof RETRY_REASONS)[number];

/**
 * Lets the app host say how a consumer invocation died when it was not a plain thrown error:
 * reject `deliver` with `new InvocationFailure('FUNCTION_TIME_OUT')` when it enforced the
 * function timeout, for example. A plain thrown error counts as an app-level runtime error.
 */
export class InvocationFailure extends Error {
  constructor(
    readonly retryReason: Exclude<RetryReason, 'FUNCTION_RETRY_REQUEST' | 'FUNCTION_UPSTREAM_RATE_LIMITED'>,
    message: string = retryReason
  ) {
    super(message);
    this.name = 'InvocationFailure';
  }

  /** Platform-level failures are Forge's fault: they extend the retention window and leave retryCount alone. */
  get platformLevel(): boolean {
    return this.retryReason === 'FUNCTION_PLATFORM_UNKNOWN_ERROR' || this.retryReason === 'FUNCTION_PLATFORM_RATE_LIMITED';
  }
}
