import type { Ttl } from './kvs-requests';
import type { Namespace, StoredRecord } from './stored-record';

const TTL_UNIT_MS: Record<Ttl['unit'], number> = {
  SECONDS: 1_000,
  MINUTES: 60_000,
  HOURS: 3_600_000,
  DAYS: 86_400_000
};

/**
 * The record a write leaves behind. A write replaces the value and its TTL (no TTL given: none
 * kept, as a new item on the platform has none), and keeps `createdAt` of a live item it
 * overwrites, so CREATED_AT is when the key first appeared.
 */
export function nextRecord(
  previous: StoredRecord | undefined,
  namespace: Namespace,
  key: string,
  json: string,
  now: number,
  ttl: Ttl | undefined
): StoredRecord {
  return {
    namespace,
    key,
    json,
    createdAt: previous?.createdAt ?? now,
    updatedAt: now,
    ...(ttl ? { expiresAt: now + ttl.value * TTL_UNIT_MS[ttl.unit] } : {})
  };
}
