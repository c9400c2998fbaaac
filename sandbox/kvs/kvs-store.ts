import { MemoryStore } from './memory-store';
import { SqliteStore } from './sqlite-store';
import type { Mutation, Namespace, StoredRecord } from './stored-record';

/**
 * The storage backend behind the KVS service. Every method is synchronous on purpose: an
 * operation reads, checks its conditions and applies its writes without yielding to the event
 * loop, so each request is atomic and two concurrent transactions are serialised exactly as
 * the platform serialises conflicting ones (one commits, the other sees its effect).
 */
export interface KvsStore {
  read(namespace: Namespace, key: string): StoredRecord | undefined;
  /** Every record of a namespace whose key starts with `keyPrefix`, in no particular order. */
  list(namespace: Namespace, keyPrefix?: string): StoredRecord[];
  /** Applies all mutations or none. */
  apply(mutations: readonly Mutation[]): void;
  /** Removes records whose TTL passed before `now`. Readers already ignore them; this frees space. */
  purgeExpired(now: number): void;
  /** Every record, for dump(). */
  all(): StoredRecord[];
  clear(): void;
  close(): void;
}

/** 'memory' for tests; a SQLite file for `npm start`, so data survives a restart. */
export type StoreOption = 'memory' | { sqlitePath: string };

export function openStore(option: StoreOption): KvsStore {
  return option === 'memory' ? new MemoryStore() : new SqliteStore(option.sqlitePath);
}
