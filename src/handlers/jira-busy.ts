import { isJiraError } from '../app/ports/jira-error';
import { AppError } from '../app/app-error';

/**
 * Jira's answers as the caller should read them: busy (429/5xx) is `unavailable` ("try again"),
 * anything else unexpected stays an internal error (toErrorResult leaks nothing of it).
 */
export async function unlessJiraBusy<T>(work: Promise<T>): Promise<T> {
  try {
    return await work;
  } catch (error) {
    if (isJiraError(error) && error.retryable) throw new AppError('unavailable', 'Jira is busy right now. Try again in a few seconds.');
    throw error;
  }
}
