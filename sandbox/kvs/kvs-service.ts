import type { SandboxClock } from '../runtime/clock';
import type { FaultInjector } from '../runtime/faults';
import { jsonResponse, type ForgeSeam, type ServiceHandler, type ServiceRequest } from '../runtime/forge-seam';
import type { UsageMeter } from '../runtime/usage-meter';
import { EntityCatalog, type EntityDefinition } from './entity-definitions';
import { badRequest, KvsError, KVS_ERROR } from './kvs-error';
import { dumpStore, type KvsDump } from './kvs-dump';
import { faultAnswer, keysNamed } from './kvs-faults';
import { KvsUsage, type OpResult } from './kvs-op-context';
import { KVS_ROUTES } from './kvs-routes';
import { openStore, type KvsStore, type StoreOption } from './kvs-store';
import { ConsistencyModel, type KvsConsistencyOptions } from './kvs-consistency';
import { entityNamespace } from './stored-record';

export interface KvsServiceOptions {
  clock: SandboxClock;
  meter?: UsageMeter;
  faults?: FaultInjector;
  /** Defaults to 'memory'. */
  store?: StoreOption;
  /** The manifest's `app.storage.entities`. */
  entities?: EntityDefinition[];
  /** Query lag and TTL deletion lag (kvs-consistency.ts); none by default. */
  consistency?: KvsConsistencyOptions;
}

export interface KvsService {
  handler: ServiceHandler;
  register(seam: ForgeSeam): void;
  /** Live items, for the server's debug view. */
  dump(): KvsDump;
  /** The live items of one custom entity, values parsed (cheaper than dump() for checks that run often, e.g. the soak's). */
  entityItems<T = unknown>(entityName: string): { key: string; value: T }[];
  clear(): void;
  close(): void;
}

/** Expired items are invisible once deleted (kvs-consistency.ts); removing them from the store can wait a virtual minute. */
const PURGE_INTERVAL_MS = 60_000;

/**
 * The Forge Key-Value Store and Custom Entity Store as @forge/kvs reaches them through the seam
 * (`{ type: 'kvs' }` targets, POST /api/v1/...). Answers with the platform's statuses and
 * `{ code, message }` bodies, which the real client turns into ForgeKvsAPIError.
 */
export function createKvsService(options: KvsServiceOptions): KvsService {
  const { clock, faults } = options;
  const store = openStore(options.store ?? 'memory');
  const consistency = new ConsistencyModel(store, clock, options.consistency);
  const ttlLagBound = options.consistency?.ttlLagMs ?? 0;
  // Operations write through the model, so queries can lag behind them.
  const writeThrough: KvsStore = {
    read: (namespace, key) => store.read(namespace, key),
    list: (namespace, keyPrefix) => store.list(namespace, keyPrefix),
    apply: (mutations) => consistency.apply(mutations),
    purgeExpired: (now) => store.purgeExpired(now),
    all: () => store.all(),
    clear: () => store.clear(),
    close: () => store.close()
  };
  const entities = new EntityCatalog(options.entities);
  const usage = new KvsUsage(options.meter);
  let lastPurge = Number.NEGATIVE_INFINITY;

  // Synchronous from routing to the store's write: each request is atomic (see KvsStore).
  const serve = (request: ServiceRequest): OpResult => {
    if (!request.invocation) {
      throw new KvsError(
        401,
        KVS_ERROR.unauthenticated,
        'The KVS was called outside a Forge invocation: wrap the call in runInInvocation().'
      );
    }
    const route = KVS_ROUTES[request.path];
    if (!route || request.method !== 'POST')
      throw new KvsError(404, KVS_ERROR.notFound, `No KVS operation at ${request.method} ${request.path}.`);
    const rawBody = request.body ?? '';
    const json = parseJson(rawBody);
    const fault = faults?.take('kvs', [route.operation, ...keysNamed(json)].join(' '));
    const answer = fault && faultAnswer(fault, route.operation);
    if (answer) {
      if (answer.status === 409) usage.conflict(route.operation);
      else usage.refused(route.operation);
      throw answer;
    }
    const now = clock.now();
    if (now - lastPurge >= PURGE_INTERVAL_MS) {
      // Only what is deleted for certain: an item may linger up to the deletion lag after its TTL.
      store.purgeExpired(now - ttlLagBound);
      lastPurge = now;
    }
    return route.serve(
      {
        store: writeThrough,
        entities,
        now,
        usage,
        isLive: consistency.isLive,
        listForQuery: (namespace, keyPrefix) => consistency.listForQuery(namespace, now, keyPrefix)
      },
      json,
      rawBody
    );
  };

  const handler: ServiceHandler = async (request) => {
    const headers = { 'x-trace-id': request.invocation?.invocationId ?? 'none' };
    try {
      const { status, body } = serve(request);
      return body === undefined ? new Response(null, { status, headers }) : jsonResponse(status, body, headers);
    } catch (error) {
      if (!(error instanceof KvsError)) throw error;
      return jsonResponse(error.status, error.body(), error.status === 429 ? { ...headers, 'retry-after': '1' } : headers);
    }
  };

  return {
    handler,
    register: (seam) => seam.register('kvs', handler),
    dump: () => dumpStore(store, clock.now(), consistency.isLive),
    entityItems: <T>(entityName: string) =>
      store
        .list(entityNamespace(entityName))
        .filter((record) => consistency.isLive(record, clock.now()))
        .map((record) => ({ key: record.key, value: JSON.parse(record.json) as T })),
    clear: () => {
      store.clear();
      consistency.clear();
    },
    close: () => store.close()
  };
}

function parseJson(body: string): unknown {
  try {
    return JSON.parse(body) as unknown;
  } catch {
    throw badRequest(KVS_ERROR.badRequest, 'Provided request body is invalid: it is not JSON.');
  }
}
