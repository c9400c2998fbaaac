import { ForgeKvsAPIError } from '@forge/kvs';
import { isStorageBusy, StorageBusyError } from '../storage-busy';

/** A transaction whose condition failed: another decision wrote one of its records first. */
export function isConditionFailed(error: unknown): boolean {
  return error instanceof ForgeKvsAPIError && (error.code === 'CONDITIONAL_CHECK_FAILED' || error.responseDetails.status === 409);
}

/** Storage busy (429) or failing (5xx): the caller may try again; consumers are redelivered. */
export async function storage<T>(call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    if (isStorageBusy(error)) throw new StorageBusyError();
    throw error;
  }
}
