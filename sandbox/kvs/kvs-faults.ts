import type { InjectedFault } from '../runtime/faults';
import { KvsError, KVS_ERROR } from './kvs-error';

/**
 * How the platform answers an injected failure of a KVS call. Returns undefined for a fault
 * that means nothing for this operation: a `conflict` only cancels transactions, since a plain
 * write is last-write-wins and cannot conflict.
 */
export function faultAnswer(fault: InjectedFault, operation: string): KvsError | undefined {
  switch (fault.kind) {
    case 'http5xx':
      return new KvsError(500, KVS_ERROR.internalServerError, 'An internal server error has occurred');
    case 'http429':
      // The transactions page names TOO_MANY_REQUESTS; the KVS error reference RATE_LIMIT_EXCEEDED for the rest.
      return operation === 'transaction'
        ? new KvsError(429, KVS_ERROR.tooManyRequests, 'The transaction exceeded the rate limit.')
        : new KvsError(429, KVS_ERROR.rateLimitExceeded, 'The request exceeded the storage rate limit.');
    case 'conflict':
      return operation === 'transaction'
        ? new KvsError(409, KVS_ERROR.conditionalCheckFailed, 'Transaction cancelled: a concurrent request changed an item it touches.', {
            reason: 'TransactionConflict'
          })
        : undefined;
    default:
      return undefined;
  }
}

/** The keys a request body names, so fault rules can match on them ("transaction conversation:c1"). */
export function keysNamed(json: unknown): string[] {
  const keys: string[] = [];
  const visit = (node: unknown) => {
    if (Array.isArray(node)) node.forEach(visit);
    else if (node !== null && typeof node === 'object') {
      const record = node as Record<string, unknown>;
      if (typeof record.key === 'string') keys.push(record.key);
      for (const group of ['set', 'delete', 'check']) if (Array.isArray(record[group])) visit(record[group]);
    }
  };
  visit(json);
  return keys;
}
