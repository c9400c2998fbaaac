/**
 * What the Jira port throws when a call did not succeed (src/platform/jira/jira-error.ts builds
 * it from Jira's answer). 429 and 5xx (and network failures) are `retryable`, carrying the
 * Retry-After Jira sent (or a default); any other 4xx is permanent: retrying the same call
 * cannot succeed. Use cases and consumers decide by `retryable`, never by status.
 */
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
}

export function isJiraError(error: unknown): error is JiraError {
  return error instanceof JiraError;
}

export function isRetryable(error: unknown): error is JiraError {
  return error instanceof JiraError && error.retryable;
}
