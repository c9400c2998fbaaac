import { InvocationError, InvocationErrorCode } from '@forge/events';

/** What a queue consumer returns to be redelivered after `seconds` (Forge async events). */
export type RetryLater = InvocationError;

export function retryLater(seconds: number): RetryLater {
  return new InvocationError({ retryAfter: Math.max(1, Math.ceil(seconds)), retryReason: InvocationErrorCode.FUNCTION_RETRY_REQUEST });
}
