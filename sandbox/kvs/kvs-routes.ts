import { batchDelete, batchGet, batchSet } from './batch-ops';
import { queryEntities } from './entity-query-op';
import { KEY_TARGET, SECRET_TARGET, targetFor } from './item-target';
import { deleteItem, getItem, setItem } from './key-value-ops';
import { queryKeys } from './key-query-op';
import type { KvsOpContext, OpResult } from './kvs-op-context';
import * as requests from './kvs-requests';
import { parseRequest } from './kvs-requests';
import { transact } from './transaction-op';
import { checkPayload } from './value-rules';

export interface KvsRoute {
  /** The operation's name: the usage meter's detail and the start of the fault description. */
  operation: string;
  serve(ctx: KvsOpContext, json: unknown, rawBody: string): OpResult;
}

/** Every path @forge/kvs's StorageApi posts to, and the operation that answers it. */
export const KVS_ROUTES: Readonly<Record<string, KvsRoute>> = {
  '/api/v1/get': { operation: 'get', serve: (ctx, json) => getItem(ctx, KEY_TARGET, 'get', parseRequest(requests.getRequest, json)) },
  '/api/v1/set': { operation: 'set', serve: (ctx, json) => setItem(ctx, KEY_TARGET, 'set', parseRequest(requests.setRequest, json)) },
  '/api/v1/delete': {
    operation: 'delete',
    serve: (ctx, json) => deleteItem(ctx, KEY_TARGET, 'delete', parseRequest(requests.deleteRequest, json).key)
  },
  '/api/v1/secret/get': {
    operation: 'secret.get',
    serve: (ctx, json) => getItem(ctx, SECRET_TARGET, 'secret.get', parseRequest(requests.getRequest, json))
  },
  '/api/v1/secret/set': {
    operation: 'secret.set',
    serve: (ctx, json) => setItem(ctx, SECRET_TARGET, 'secret.set', parseRequest(requests.setRequest, json))
  },
  '/api/v1/secret/delete': {
    operation: 'secret.delete',
    serve: (ctx, json) => deleteItem(ctx, SECRET_TARGET, 'secret.delete', parseRequest(requests.deleteRequest, json).key)
  },
  '/api/v1/entity/get': {
    operation: 'entity.get',
    serve: (ctx, json) => {
      const request = parseRequest(requests.entityGetRequest, json);
      return getItem(ctx, targetFor(ctx, request.entityName), 'entity.get', request);
    }
  },
  '/api/v1/entity/set': {
    operation: 'entity.set',
    serve: (ctx, json) => {
      const request = parseRequest(requests.entitySetRequest, json);
      return setItem(ctx, targetFor(ctx, request.entityName), 'entity.set', request);
    }
  },
  '/api/v1/entity/delete': {
    operation: 'entity.delete',
    serve: (ctx, json) => {
      const request = parseRequest(requests.entityDeleteRequest, json);
      return deleteItem(ctx, targetFor(ctx, request.entityName), 'entity.delete', request.key);
    }
  },
  '/api/v1/query': { operation: 'query', serve: (ctx, json) => queryKeys(ctx, parseRequest(requests.queryRequest, json)) },
  '/api/v1/entity/query': {
    operation: 'entity.query',
    serve: (ctx, json) => queryEntities(ctx, parseRequest(requests.entityQueryRequest, json))
  },
  '/api/v1/batch/set': {
    operation: 'batch.set',
    serve: (ctx, json, rawBody) => {
      checkPayload(rawBody);
      return batchSet(ctx, parseRequest(requests.batchSetRequest, json));
    }
  },
  '/api/v1/batch/get': { operation: 'batch.get', serve: (ctx, json) => batchGet(ctx, parseRequest(requests.batchGetRequest, json)) },
  '/api/v1/batch/delete': {
    operation: 'batch.delete',
    serve: (ctx, json) => batchDelete(ctx, parseRequest(requests.batchDeleteRequest, json))
  },
  '/api/v1/transaction': {
    operation: 'transaction',
    serve: (ctx, json, rawBody) => {
      checkPayload(rawBody);
      return transact(ctx, parseRequest(requests.transactionRequest, json));
    }
  }
};
