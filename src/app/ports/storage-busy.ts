import { AppError } from '../app-error';

/**
 * What every store port throws when storage answered 429 or 5xx: `unavailable` to the caller,
 * worth one more try. The platform raises it (src/platform/storage-busy.ts); nothing above the
 * platform knows how storage says "busy".
 */
export class StorageBusyError extends AppError {
  constructor() {
    super('unavailable', 'Live chat storage is busy. Please try again in a moment.');
    this.name = 'StorageBusyError';
  }
}

/**
 * Storage was busy, wherever in the app it was called: nothing was done, and trying again soon
 * is right. A decision tries again from a fresh read (every write is conditional on the versions
 * read, so a retry never writes twice); handlers answer `unavailable` (resolvers) or ask for a
 * redelivery (consumers) instead of treating it as a bug.
 */
export function isStorageBusy(error: unknown): error is StorageBusyError {
  return error instanceof StorageBusyError;
}
