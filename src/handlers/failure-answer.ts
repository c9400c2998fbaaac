import { isRetryable } from '../app/ports/jira-error';
import { isStorageBusy } from '../app/ports/storage-busy';
import { AppError, toErrorResult, type ErrorResult } from '../app/app-error';

/**
 * How a resolver operation or the Rovo action answers a failure: Jira (429/5xx) or storage busy
 * is `unavailable` ("try again soon"); an unexpected error is logged once and answered with
 * nothing of it (toErrorResult).
 */
export function failureAnswer(error: unknown, event: string): ErrorResult {
  if (isRetryable(error)) return toErrorResult(new AppError('unavailable', 'Jira is busy right now. Try again in a few seconds.'));
  if (isStorageBusy(error)) return toErrorResult(new AppError('unavailable', 'Live chat storage is busy. Please try again in a moment.'));
  if (!(error instanceof AppError)) console.error(JSON.stringify({ event, error: String(error) }));
  return toErrorResult(error);
}
