import { ForgeKvsAPIError } from '@forge/kvs';
import { AppError } from '../app/app-error';

/** What a store throws when storage answered 429 or 5xx: `unavailable` to the caller, worth one more try. */
export class StorageBusyError extends AppError {
  constructor() {
    super('unavailable', 'Live chat storage is busy. Please try again in a moment.');
    this.name = 'StorageBusyError';
  }
}

/**
 * Storage answered 429 (rate limited) or 5xx, wherever in the app it was called: nothing was
 * done, and trying again soon is right. A decision tries again from a fresh read (every write
 * is conditional on the versions read, so a retry never writes twice); handlers answer
 * `unavailable` (resolvers) or ask for a redelivery (consumers) instead of treating it as a bug.
 */
export function isStorageBusy(error: unknown): boolean {
  return error instanceof StorageBusyError || (error instanceof ForgeKvsAPIError && (error.responseDetails.status === 429 || error.responseDetails.status >= 500));
}
