import { ForgeKvsAPIError } from '@forge/kvs';
import { AppError } from '../../handlers/app-error';

/** A transaction whose condition failed: another decision wrote one of its records first. */
export function isConditionFailed(error: unknown): boolean {
  return error instanceof ForgeKvsAPIError && (error.code === 'CONDITIONAL_CHECK_FAILED' || error.responseDetails.status === 409);
}

/** Storage busy (429) or failing (5xx): the caller may try again; consumers are redelivered. */
export async function storage<T>(call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    if (error instanceof ForgeKvsAPIError && (error.responseDetails.status === 429 || error.responseDetails.status >= 500)) {
      throw new AppError('unavailable', 'Live chat storage is busy. Please try again in a moment.');
    }
    throw error;
  }
}
