import { ForgeKvsAPIError } from '@forge/kvs';

/** A transaction whose condition failed: someone else wrote first (409 on Forge). */
export function isConditionFailed(error: unknown): boolean {
  return error instanceof ForgeKvsAPIError && (error.responseDetails.status === 409 || error.code === 'CONDITIONAL_CHECK_FAILED');
}
