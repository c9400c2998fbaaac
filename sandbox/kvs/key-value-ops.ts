import { KvsError, badRequest, KVS_ERROR } from './kvs-error';
import type { KvsOpContext, OpResult } from './kvs-op-context';
import { NO_CONTENT, ok } from './kvs-op-context';
import type { GetRequest, SetRequest } from './kvs-requests';
import { checkWrite, readLive, type ItemTarget } from './item-target';
import { nextRecord } from './record-lifecycle';
import { recordBytes } from './stored-record';
import { checkKey } from './value-rules';
import { wireItem } from './wire-item';

/**
 * get / set / delete of one item: a plain key, a secret or a custom entity, depending on the
 * target. `operation` names the call for the usage meter ('get', 'secret.set', 'entity.delete').
 */
export function getItem(ctx: KvsOpContext, target: ItemTarget, operation: string, request: GetRequest): OpResult {
  checkKey(request.key, target.flavour);
  const record = readLive(ctx, target, request.key);
  ctx.usage.read(operation, 1, record ? recordBytes(record.key, record.json) : 0);
  if (!record) throw new KvsError(404, KVS_ERROR.keyNotFound, 'Provided key does not exist');
  return ok(wireItem(record, request.options?.metadataFields));
}

export function setItem(ctx: KvsOpContext, target: ItemTarget, operation: string, request: SetRequest): OpResult {
  const { key, value, options = {} } = request;
  const json = checkWrite(target, key, value);
  if (options.keyPolicy === 'FAIL_IF_EXISTS' && options.returnValue) {
    throw badRequest(KVS_ERROR.badRequest, 'returnValue can only be used with keyPolicy OVERRIDE.');
  }
  const previous = readLive(ctx, target, key);
  if (options.keyPolicy === 'FAIL_IF_EXISTS' && previous) {
    throw new KvsError(409, KVS_ERROR.keyConflict, `The key '${key}' already exists and keyPolicy is FAIL_IF_EXISTS.`);
  }
  const record = nextRecord(previous, target.namespace, key, json, ctx.now, options.ttl);
  ctx.store.apply([{ type: 'put', record }]);
  ctx.usage.write(operation, 1, recordBytes(key, json));
  const fields = options.returnMetadataFields;
  if (options.returnValue === 'LATEST') return ok(wireItem(record, fields));
  if (options.returnValue === 'PREVIOUS' && previous) return ok(wireItem(previous, fields));
  return NO_CONTENT;
}

/** Deleting a key that does not exist succeeds, as the platform documents for deletes. */
export function deleteItem(ctx: KvsOpContext, target: ItemTarget, operation: string, key: string): OpResult {
  checkKey(key, target.flavour);
  ctx.store.apply([{ type: 'delete', namespace: target.namespace, key }]);
  ctx.usage.write(operation, 1, recordBytes(key, ''));
  return NO_CONTENT;
}
