import { badRequest, KvsError, KVS_ERROR } from './kvs-error';
import { KVS_LIMITS } from './kvs-limits';
import { ok, type KvsOpContext, type OpResult } from './kvs-op-context';
import type { BatchDeleteRequest, BatchGetRequest, BatchSetRequest } from './kvs-requests';
import { checkWrite, readLive, targetFor } from './item-target';
import { nextRecord } from './record-lifecycle';
import { recordBytes, type Mutation } from './stored-record';
import { checkKey } from './value-rules';
import { wireItem, type WireItem } from './wire-item';

interface BatchItemRef {
  key: string;
  entityName?: string;
}

type Failure = BatchItemRef & { error: { code: string; message: string } };

/**
 * kvs.batchSet / batchGet / batchDelete. A batch fails as a whole only when it is empty, too big
 * or names an item twice; otherwise each item succeeds or fails on its own (an invalid key, a
 * value over the limit, a missing key) and the answer lists both, as Forge documents.
 */
export function batchSet(ctx: KvsOpContext, items: BatchSetRequest): OpResult {
  checkBatch(items);
  const mutations: Mutation[] = [];
  const { successfulKeys, failedKeys } = eachItem(items, (item) => {
    const target = targetFor(ctx, item.entityName);
    const json = checkWrite(target, item.key, item.value);
    mutations.push({
      type: 'put',
      record: nextRecord(readLive(ctx, target, item.key), target.namespace, item.key, json, ctx.now, item.options?.ttl)
    });
    return ref(item);
  });
  ctx.store.apply(mutations);
  ctx.usage.write('batch.set', mutations.length, sumBytes(mutations));
  return ok({ successfulKeys, failedKeys });
}

export function batchGet(ctx: KvsOpContext, items: BatchGetRequest): OpResult {
  checkBatch(items);
  let bytes = 0;
  const { successfulKeys, failedKeys } = eachItem(items, (item): WireItem => {
    const target = targetFor(ctx, item.entityName);
    checkKey(item.key, target.flavour);
    const record = readLive(ctx, target, item.key);
    if (!record) throw new KvsError(404, KVS_ERROR.keyNotFound, 'Key does not exist');
    bytes += recordBytes(record.key, record.json);
    return { ...wireItem(record, item.options?.metadataFields), ...(item.entityName ? { entityName: item.entityName } : {}) };
  });
  ctx.usage.read('batch.get', items.length, bytes);
  return ok({ successfulKeys, failedKeys });
}

export function batchDelete(ctx: KvsOpContext, items: BatchDeleteRequest): OpResult {
  checkBatch(items);
  const mutations: Mutation[] = [];
  const { successfulKeys, failedKeys } = eachItem(items, (item) => {
    const target = targetFor(ctx, item.entityName);
    checkKey(item.key, target.flavour);
    mutations.push({ type: 'delete', namespace: target.namespace, key: item.key });
    return ref(item);
  });
  ctx.store.apply(mutations);
  ctx.usage.write('batch.delete', mutations.length, sumBytes(mutations));
  return ok({ successfulKeys, failedKeys });
}

function checkBatch(items: readonly BatchItemRef[]): void {
  if (items.length === 0) throw badRequest(KVS_ERROR.badRequest, 'A batch operation must contain at least one key.');
  if (items.length > KVS_LIMITS.maxBatchItems) {
    throw badRequest(
      KVS_ERROR.tooManyOperations,
      `A batch operation can contain at most ${KVS_LIMITS.maxBatchItems} keys, not ${items.length}.`
    );
  }
  const seen = new Set<string>();
  for (const item of items) {
    const id = JSON.stringify([item.entityName ?? null, item.key]);
    if (seen.has(id)) throw badRequest(KVS_ERROR.duplicateKeys, `The batch names the key '${item.key}' more than once.`);
    seen.add(id);
  }
}

function eachItem<I extends BatchItemRef, S>(items: readonly I[], serve: (item: I) => S): { successfulKeys: S[]; failedKeys: Failure[] } {
  const successfulKeys: S[] = [];
  const failedKeys: Failure[] = [];
  for (const item of items) {
    try {
      successfulKeys.push(serve(item));
    } catch (error) {
      if (!(error instanceof KvsError)) throw error;
      failedKeys.push({ ...ref(item), error: { code: error.code, message: error.message } });
    }
  }
  return { successfulKeys, failedKeys };
}

function ref(item: BatchItemRef): BatchItemRef {
  return item.entityName === undefined ? { key: item.key } : { key: item.key, entityName: item.entityName };
}

function sumBytes(mutations: readonly Mutation[]): number {
  return mutations.reduce((sum, m) => sum + (m.type === 'put' ? recordBytes(m.record.key, m.record.json) : recordBytes(m.key, '')), 0);
}
