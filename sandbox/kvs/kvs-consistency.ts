import type { SandboxClock } from '../runtime/clock';
import type { KvsStore } from './kvs-store';
import { SECRET_NAMESPACE, type Mutation, type Namespace, type StoredRecord } from './stored-record';

const PRUNE_EVERY_WRITES = 1_000;

/**
 * How far the sandbox's KVS lags behind its writes, as Forge's does. Forge documents custom
 * entity queries as eventually consistent and TTL deletion as taking up to 48 hours after
 * expiry, and gives no bound for the first: both are off by default (tests that need exact
 * reads), on in the soak and the concurrency test.
 */
export interface KvsConsistencyOptions {
  /** Queries (entity index queries and `kvs.query()`) show a write only this long after it, at most. */
  queryLagMs?: number;
  /** 'random' (default): each write's lag is drawn in [0, queryLagMs]; 'fixed': every write lags queryLagMs. */
  queryLag?: 'random' | 'fixed';
  /**
   * An item past its TTL is still there, for gets, queries and conditions alike, until it is
   * deleted this long after its expiry at most (Forge: up to 48 hours). The docs do not say that
   * reads hide an expired item before then, so the sandbox takes the stricter reading: they do not.
   */
  ttlLagMs?: number;
  /** 'random' (default): each item's deletion lag is drawn in [0, ttlLagMs]; 'fixed': always ttlLagMs. */
  ttlLag?: 'random' | 'fixed';
  /** Seeds the random lags (the same seed gives the same lags for the same writes). */
  seed?: number;
}

export const FORGE_TTL_DELETION_LAG_MS = 48 * 3_600_000;

/**
 * The lags the soak and the concurrency test run with: queries up to 3 s behind (Forge gives no
 * bound; longer than an invocation, so no chat sees its own writes in a query), expired items
 * up to Forge's 48 hours (longer than either run: nothing a TTL ends is ever deleted in them).
 */
export function forgeLikeLags(seed: number): KvsConsistencyOptions {
  return { queryLagMs: 3_000, ttlLagMs: FORGE_TTL_DELETION_LAG_MS, seed };
}

/** Whether an item exists at `now`: present, and not yet deleted after its TTL (with the deletion lag). */
export type Liveness = (record: StoredRecord | undefined, now: number) => record is StoredRecord;

interface LaggingKey {
  /** What queries showed before the first write still in flight. */
  base: StoredRecord | undefined;
  /** Writes not yet seen by queries, in write order; undefined record = a delete. */
  pending: { record: StoredRecord | undefined; visibleAt: number }[];
}

/**
 * The store as the KVS service uses it: every write goes to the store at once (gets and
 * transactions are strongly consistent), and is also remembered with the instant queries will
 * see it; until then a query sees what the key held before.
 */
export class ConsistencyModel {
  readonly isLive: Liveness;
  private readonly lagging = new Map<Namespace, Map<string, LaggingKey>>();
  private readonly nextRandom: () => number;
  private writesSincePrune = 0;

  constructor(
    private readonly store: KvsStore,
    private readonly clock: SandboxClock,
    private readonly options: KvsConsistencyOptions = {}
  ) {
    this.nextRandom = seededRandom(options.seed ?? 1);
    const ttlLag = options.ttlLagMs ?? 0;
    const seed = options.seed ?? 1;
    const deletionLag = (record: StoredRecord) =>
      ttlLag === 0
        ? 0
        : options.ttlLag === 'fixed'
          ? ttlLag
          : Math.floor(ttlLag * hashFraction(`${seed}|${record.namespace}|${record.key}|${record.expiresAt}`));
    this.isLive = (record, now): record is StoredRecord =>
      record !== undefined && (record.expiresAt === undefined || record.expiresAt + deletionLag(record) > now);
  }

  /** Applies writes to the store, remembering what queries saw before them while they lag. */
  apply(mutations: readonly Mutation[]): void {
    const lag = this.options.queryLagMs ?? 0;
    if (lag > 0) {
      const now = this.clock.now();
      // Keys no query reads (typing marks, caches) would be remembered forever: forget what every query would see anyway.
      if ((this.writesSincePrune += mutations.length) >= PRUNE_EVERY_WRITES) this.prune(now);
      for (const mutation of mutations) {
        const namespace = mutation.type === 'put' ? mutation.record.namespace : mutation.namespace;
        // Secrets cannot be queried.
        if (namespace === SECRET_NAMESPACE) continue;
        const key = mutation.type === 'put' ? mutation.record.key : mutation.key;
        let keys = this.lagging.get(namespace);
        if (!keys) this.lagging.set(namespace, (keys = new Map()));
        const entry = keys.get(key) ?? { base: this.store.read(namespace, key), pending: [] };
        const delay = this.options.queryLag === 'fixed' ? lag : Math.floor(lag * this.nextRandom());
        entry.pending.push({ record: mutation.type === 'put' ? { ...mutation.record } : undefined, visibleAt: now + delay });
        keys.set(key, entry);
      }
    }
    this.store.apply(mutations);
  }

  /** The records of a namespace as queries see them at `now` (TTL not yet applied). */
  listForQuery(namespace: Namespace, now: number, keyPrefix = ''): StoredRecord[] {
    const current = this.store.list(namespace, keyPrefix);
    const keys = this.lagging.get(namespace);
    if (!keys || keys.size === 0) return current;
    const byKey = new Map(current.map((record) => [record.key, record]));
    for (const [key, entry] of keys) {
      if (!key.startsWith(keyPrefix)) continue;
      const seen = this.settle(entry, now);
      if (entry.pending.length === 0) keys.delete(key);
      if (seen) byKey.set(key, seen);
      else byKey.delete(key);
    }
    return [...byKey.values()];
  }

  clear(): void {
    this.lagging.clear();
  }

  private prune(now: number): void {
    this.writesSincePrune = 0;
    for (const keys of this.lagging.values()) {
      for (const [key, entry] of keys) {
        this.settle(entry, now);
        if (entry.pending.length === 0) keys.delete(key);
      }
    }
  }

  /** The newest write queries can see by now (later writes may land first: each has its own lag). */
  private settle(entry: LaggingKey, now: number): StoredRecord | undefined {
    let newest = -1;
    entry.pending.forEach((write, i) => {
      if (write.visibleAt <= now) newest = i;
    });
    if (newest >= 0) {
      entry.base = entry.pending[newest].record;
      entry.pending = entry.pending.slice(newest + 1);
    }
    return entry.base;
  }
}

/** mulberry32: small, fast, and the same sequence for the same seed. */
function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/** FNV-1a of the text, as a fraction in [0, 1): an item's deletion lag stays the same however often it is read. */
function hashFraction(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash / 4_294_967_296;
}
