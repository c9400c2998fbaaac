import { Filter, FilterConditions } from '@forge/kvs';

/**
 * Every versioned KVS write is conditional on the version its caller read: another writer's
 * commit in between fails the transaction (a conflict). null: the record must not exist yet.
 */
export function versionIs<T extends { version: number }>(version: number | null) {
  return new Filter<T>().and('version', version === null ? FilterConditions.notExists() : FilterConditions.equalTo(version));
}
