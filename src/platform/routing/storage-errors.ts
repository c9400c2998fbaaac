import { ForgeKvsAPIError } from '@forge/kvs';

/** A transaction whose condition failed: another decision wrote one of its records first. */
export function isConditionFailed(error: unknown): boolean {
  return error instanceof ForgeKvsAPIError && (error.code === 'CONDITIONAL_CHECK_FAILED' || error.responseDetails.status === 409);
}
