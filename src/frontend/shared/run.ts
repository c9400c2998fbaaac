import { invoke } from '@forge/bridge';
import type { OperationInput, OperationName, OperationResult } from '../../contract/operations';
import { callOperation, type Invoke, type Outcome } from './operation-result';

/**
 * Calls one resolver operation through the bridge; never throws. The payload and the result are
 * the contract's (src/contract/operations.ts), imported for their types only.
 */
export function run<N extends OperationName>(operation: N, payload: OperationInput<N>): Promise<Outcome<OperationResult<N>>> {
  return callOperation<OperationResult<N>>(invoke as Invoke, operation, payload);
}
