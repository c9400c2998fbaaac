import { InvocationFailure, type RetryReason } from './async-event';

/**
 * What the platform does after a consumer invocation (Forge async events, @forge/events 2+):
 * - returned `InvocationError` (`{ _retry: true, retryOptions }`) → redeliver after
 *   `retryAfter` seconds (clamped to 1..900; omitted → the platform's backoff), retryCount + 1;
 * - app-level error (thrown error, timeout, out of memory) → redeliver with exponential
 *   backoff, retryCount + 1;
 * - platform-level error (the `die` fault, InvocationFailure FUNCTION_PLATFORM_*) → redeliver
 *   with backoff, retryCount unchanged, retention window extended;
 * - anything else → acknowledged.
 * There is no retry cap any more: retries go on until the 24 h retention window closes.
 */
export const MAX_RETRY_AFTER_SECONDS = 900;
export const MAX_RETRY_DATA_BYTES = 4 * 1024;

export type ConsumerOutcome = { kind: 'returned'; value: unknown } | { kind: 'threw'; error: unknown } | { kind: 'died' };

export type Verdict =
  | { kind: 'acknowledge' }
  | { kind: 'refuse'; reason: string }
  | {
      kind: 'retry';
      reason: RetryReason | string;
      retryData: unknown;
      /** Seconds requested by the app; undefined means the platform's backoff schedule. */
      retryAfterSeconds: number | undefined;
      countsAsRetry: boolean;
      platformLevel: boolean;
    };

export function judge(outcome: ConsumerOutcome): Verdict {
  if (outcome.kind === 'died') {
    return {
      kind: 'retry',
      reason: 'FUNCTION_PLATFORM_UNKNOWN_ERROR',
      retryData: undefined,
      retryAfterSeconds: undefined,
      countsAsRetry: false,
      platformLevel: true
    };
  }
  if (outcome.kind === 'threw') {
    const failure = outcome.error instanceof InvocationFailure ? outcome.error : undefined;
    return {
      kind: 'retry',
      // Forge names no retryReason for a plain runtime error; the unknown-error code is the closest.
      reason: failure?.retryReason ?? 'FUNCTION_PLATFORM_UNKNOWN_ERROR',
      retryData: undefined,
      retryAfterSeconds: undefined,
      countsAsRetry: !failure?.platformLevel,
      platformLevel: failure?.platformLevel ?? false
    };
  }
  const request = retryRequest(outcome.value);
  if (!request) return { kind: 'acknowledge' };
  const { retryAfter, retryReason, retryData } = request;
  if (retryData !== undefined && Buffer.byteLength(JSON.stringify(retryData) ?? '') > MAX_RETRY_DATA_BYTES) {
    return { kind: 'refuse', reason: `retryData is larger than the ${MAX_RETRY_DATA_BYTES / 1024}KB maximum` };
  }
  return {
    kind: 'retry',
    reason: typeof retryReason === 'string' ? retryReason : 'FUNCTION_RETRY_REQUEST',
    retryData,
    retryAfterSeconds:
      typeof retryAfter === 'number' && Number.isFinite(retryAfter)
        ? Math.min(Math.max(retryAfter, 1), MAX_RETRY_AFTER_SECONDS)
        : undefined,
    countsAsRetry: true,
    platformLevel: false
  };
}

/** The automatic schedule: 15 s doubling, capped at about 15 minutes as Forge documents. */
export function backoffMs(backoffsSoFar: number): number {
  return Math.min(15 * 2 ** backoffsSoFar, MAX_RETRY_AFTER_SECONDS) * 1000;
}

interface RetryOptions {
  retryAfter?: unknown;
  retryReason?: unknown;
  retryData?: unknown;
}

/**
 * The SDK's InvocationError constructor returns its JSON form, `{ _retry: true, retryOptions }`,
 * and the 1.x QueueResponse sets `_retry` after `.retry()`: the platform reads the returned
 * shape, never a class.
 */
function retryRequest(value: unknown): RetryOptions | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const candidate = value as { _retry?: unknown; retryOptions?: unknown };
  if (candidate._retry !== true) return undefined;
  const options = candidate.retryOptions;
  return typeof options === 'object' && options !== null ? (options as RetryOptions) : {};
}
