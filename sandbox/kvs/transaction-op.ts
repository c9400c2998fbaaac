import { matchesGroup, parseFilterGroup, type FilterGroup } from './conditions';
import { badRequest, KvsError, KVS_ERROR } from './kvs-error';
import { KVS_LIMITS } from './kvs-limits';
import { NO_CONTENT, type KvsOpContext, type OpResult } from './kvs-op-context';
import type { Ttl, TransactionRequest } from './kvs-requests';
import { checkWrite, readLive, targetFor, type ItemTarget } from './item-target';
import { nextRecord } from './record-lifecycle';
import { recordBytes, type Mutation } from './stored-record';
import { checkKey } from './value-rules';

interface Operation {
  kind: 'set' | 'delete' | 'check';
  key: string;
  entityName?: string;
  target: ItemTarget;
  conditions?: FilterGroup;
  json?: string;
  ttl?: Ttl;
}

/**
 * `kvs.transact()...execute()`: every operation is validated, then every condition is evaluated
 * against the committed state, then all writes are applied together, or nothing is. Run without
 * yielding (see KvsStore), so of two concurrent transactions whose conditions cannot both hold,
 * the second evaluates its conditions on the first's result and fails.
 */
export function transact(ctx: KvsOpContext, request: TransactionRequest): OpResult {
  const operations = prepare(ctx, request);
  const failed = operations.filter((op) => op.conditions && !matchesGroup(currentValue(ctx, op), op.conditions));
  if (failed.length > 0) {
    ctx.usage.conflict('transaction');
    throw new KvsError(
      409,
      KVS_ERROR.conditionalCheckFailed,
      `Transaction cancelled: the conditions of ${failed.length} operation(s) were not met.`,
      {
        failedOperations: failed.map(({ kind, key, entityName }) => ({ kind, key, ...(entityName ? { entityName } : {}) }))
      }
    );
  }
  const mutations: Mutation[] = [];
  let writtenBytes = 0;
  for (const op of operations) {
    if (op.kind === 'set' && op.json !== undefined) {
      mutations.push({
        type: 'put',
        record: nextRecord(readLive(ctx, op.target, op.key), op.target.namespace, op.key, op.json, ctx.now, op.ttl)
      });
      writtenBytes += recordBytes(op.key, op.json);
    } else if (op.kind === 'delete') {
      mutations.push({ type: 'delete', namespace: op.target.namespace, key: op.key });
      writtenBytes += recordBytes(op.key, '');
    }
  }
  ctx.store.apply(mutations);
  ctx.usage.transaction('transaction');
  ctx.usage.write('transaction', mutations.length, writtenBytes);
  const checks = operations.filter((op) => op.kind === 'check');
  if (checks.length > 0) ctx.usage.read('transaction', checks.length, 0);
  return NO_CONTENT;
}

function prepare(ctx: KvsOpContext, request: TransactionRequest): Operation[] {
  const raw = [
    ...(request.set ?? []).map((op) => ({ kind: 'set' as const, ...op })),
    ...(request.delete ?? []).map((op) => ({ kind: 'delete' as const, ...op })),
    ...(request.check ?? []).map((op) => ({ kind: 'check' as const, ...op }))
  ];
  if (raw.length === 0) throw badRequest(KVS_ERROR.badRequest, 'A transaction must contain at least one operation.');
  if (raw.length > KVS_LIMITS.maxTransactionOperations) {
    throw badRequest(
      KVS_ERROR.tooManyOperations,
      `A transaction can contain at most ${KVS_LIMITS.maxTransactionOperations} operations, not ${raw.length}.`
    );
  }
  const seen = new Set<string>();
  return raw.map((op) => {
    const target = targetFor(ctx, op.entityName);
    const id = `${target.namespace}\u0000${op.key}`;
    if (seen.has(id))
      throw badRequest(KVS_ERROR.duplicateKeys, `Each key can only be used once in a transaction; '${op.key}' is used twice.`);
    seen.add(id);
    if (op.conditions && !target.entity)
      throw badRequest(KVS_ERROR.badRequest, 'Conditions apply to custom entities only: give an entityName.');
    const conditions = op.conditions && parseFilterGroup(op.conditions);
    if (op.kind === 'set')
      return {
        kind: op.kind,
        key: op.key,
        entityName: op.entityName,
        target,
        conditions,
        json: checkWrite(target, op.key, op.value),
        ttl: op.options?.ttl
      };
    checkKey(op.key, target.flavour);
    return { kind: op.kind, key: op.key, entityName: op.entityName, target, conditions };
  });
}

/** Conditions see the item as committed now; an absent item has no attributes (so NOT_EXISTS holds). */
function currentValue(ctx: KvsOpContext, op: Operation): Record<string, unknown> | undefined {
  const record = readLive(ctx, op.target, op.key);
  return record ? (JSON.parse(record.json) as Record<string, unknown>) : undefined;
}
