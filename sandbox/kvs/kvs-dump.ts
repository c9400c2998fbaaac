import { compareStrings } from './conditions';
import type { KvsStore } from './kvs-store';
import type { Liveness } from './kvs-consistency';
import { entityNameOf, SECRET_NAMESPACE, type StoredRecord } from './stored-record';

export interface KvsDumpItem {
  key: string;
  value: unknown;
  createdAt: string;
  updatedAt: string;
  expiresAt?: string;
}

/** What the server shows for debugging: live items only; secrets by key, never by value. */
export interface KvsDump {
  keys: KvsDumpItem[];
  secrets: Array<Omit<KvsDumpItem, 'value'>>;
  entities: Record<string, KvsDumpItem[]>;
}

export function dumpStore(store: KvsStore, now: number, isLive: Liveness): KvsDump {
  const dump: KvsDump = { keys: [], secrets: [], entities: {} };
  const records = store.all().filter((record) => isLive(record, now));
  records.sort((a, b) => compareStrings(a.key, b.key));
  for (const record of records) {
    const entityName = entityNameOf(record.namespace);
    if (record.namespace === SECRET_NAMESPACE) {
      const { key, createdAt, updatedAt, expiresAt } = toItem(record);
      dump.secrets.push({ key, createdAt, updatedAt, ...(expiresAt ? { expiresAt } : {}) });
    } else if (entityName !== undefined) {
      (dump.entities[entityName] ??= []).push(toItem(record));
    } else {
      dump.keys.push(toItem(record));
    }
  }
  return dump;
}

function toItem(record: StoredRecord): KvsDumpItem {
  return {
    key: record.key,
    value: JSON.parse(record.json) as unknown,
    createdAt: new Date(record.createdAt).toISOString(),
    updatedAt: new Date(record.updatedAt).toISOString(),
    ...(record.expiresAt === undefined ? {} : { expiresAt: new Date(record.expiresAt).toISOString() })
  };
}
