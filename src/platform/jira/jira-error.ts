import { JiraError } from '../../app/ports/jira-error';

/** Jira's HTTP answers as the port's JiraError: 429 and 5xx are retryable, with their Retry-After. */
const DEFAULT_RETRY_AFTER_SECONDS = 10;

export function jiraErrorFromStatus(status: number, message: string, retryAfterHeader: string | null): JiraError {
  const retryable = status === 429 || status >= 500;
  return new JiraError(status, message, retryable, retryAfterSeconds(retryAfterHeader));
}

/** The request may or may not have reached Jira (timeout, connection reset). */
export function jiraUnreachable(cause: unknown): JiraError {
  return new JiraError(
    0,
    `Jira could not be reached: ${cause instanceof Error ? cause.message : String(cause)}`,
    true,
    DEFAULT_RETRY_AFTER_SECONDS
  );
}

/** Retry-After in seconds or as an HTTP date; anything unreadable falls back to the default. */
function retryAfterSeconds(header: string | null): number {
  if (!header) return DEFAULT_RETRY_AFTER_SECONDS;
  const seconds = Number(header);
  if (Number.isFinite(seconds) && seconds >= 0) return Math.max(1, Math.ceil(seconds));
  const date = Date.parse(header);
  return Number.isNaN(date) ? DEFAULT_RETRY_AFTER_SECONDS : Math.max(1, Math.ceil((date - Date.now()) / 1000));
}
