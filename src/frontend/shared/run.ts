import { invoke } from '@forge/bridge';
import { callOperation, type Invoke, type Outcome } from './operation-result';

/** Calls one resolver operation of PRODUCT.md through the bridge; never throws. */
export function run<T>(operation: string, payload: Record<string, unknown> = {}): Promise<Outcome<T>> {
  return callOperation<T>(invoke as Invoke, operation, payload);
}
