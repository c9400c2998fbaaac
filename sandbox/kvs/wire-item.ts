import type { MetadataField } from './kvs-requests';
import type { StoredRecord } from './stored-record';

/** An item as the platform answers it: `{ key, value }` plus the metadata fields asked for. */
export interface WireItem {
  key: string;
  value: unknown;
  entityName?: string;
  createdAt?: number;
  updatedAt?: number;
  expireTime?: string;
}

/**
 * Only the requested metadata is included: query and batch results reach the app as sent, so
 * an unrequested field would leak into results where Forge leaves it out. Times are epoch
 * seconds and `expireTime` an ISO-8601 instant without milliseconds, as in @forge/kvs's fixtures.
 */
export function wireItem(record: StoredRecord, fields: readonly MetadataField[] = []): WireItem {
  const item: WireItem = { key: record.key, value: JSON.parse(record.json) as unknown };
  if (fields.includes('CREATED_AT')) item.createdAt = Math.floor(record.createdAt / 1000);
  if (fields.includes('UPDATED_AT')) item.updatedAt = Math.floor(record.updatedAt / 1000);
  if (fields.includes('EXPIRE_TIME') && record.expiresAt !== undefined) item.expireTime = isoSeconds(record.expiresAt);
  return item;
}

export function isoSeconds(epochMs: number): string {
  return new Date(epochMs).toISOString().replace(/\.\d{3}Z$/, 'Z');
}
