/**
 * A Jira call that did not succeed. 429 and 5xx (and network failures) are `retryable`, carrying
 * the Retry-After Jira sent (or a default); any other 4xx is permanent: retrying the same call
 * cannot succeed. Use cases and consumers decide by `retryable`, never by status.
 */
export const DEFAULT_RETRY_AFTER_SECONDS = 10;

export class JiraError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly retryable: boolean,
    readonly retryAfterSeconds: number
  ) {
    super(message);
    this.name = 'JiraError';
  }

  static fromStatus(status: number, message: string, retryAfterHeader: string | null): JiraError {
    const retryable = status === 429 || status >= 500;
    return new JiraError(status, message, retryable, retryAfterSeconds(retryAfterHeader));
  }

  /** The request may or may not have reached Jira (timeout, connection reset). */
  static unreachable(cause: unknown): JiraError {
    return new JiraError(0, `Jira could not be reached: ${cause instanceof Error ? cause.message : String(cause)}`, true, DEFAULT_RETRY_AFTER_SECONDS);
  }
}

export function isJiraError(error: unknown): error is JiraError {
  return error instanceof JiraError;
}

export function isRetryable(error: unknown): error is JiraError {
  return error instanceof JiraError && error.retryable;
}

/** Retry-After in seconds or as an HTTP date; anything unreadable falls back to the default. */
function retryAfterSeconds(header: string | null): number {
  if (!header) return DEFAULT_RETRY_AFTER_SECONDS;
  const seconds = Number(header);
  if (Number.isFinite(seconds) && seconds >= 0) return Math.max(1, Math.ceil(seconds));
  const date = Date.parse(header);
  return Number.isNaN(date) ? DEFAULT_RETRY_AFTER_SECONDS : Math.max(1, Math.ceil((date - Date.now()) / 1000));
}
