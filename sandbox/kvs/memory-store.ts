import type { KvsStore } from './kvs-store';
import type { Mutation, Namespace, StoredRecord } from './stored-record';

/** The default backend for tests: maps in memory, gone when the process ends. */
export class MemoryStore implements KvsStore {
  private namespaces = new Map<Namespace, Map<string, StoredRecord>>();

  read(namespace: Namespace, key: string): StoredRecord | undefined {
    const record = this.namespaces.get(namespace)?.get(key);
    return record && { ...record };
  }

  list(namespace: Namespace, keyPrefix = ''): StoredRecord[] {
    const records = this.namespaces.get(namespace);
    if (!records) return [];
    const out: StoredRecord[] = [];
    for (const record of records.values()) if (record.key.startsWith(keyPrefix)) out.push({ ...record });
    return out;
  }

  apply(mutations: readonly Mutation[]): void {
    // Nothing below can throw, so applying in order is all-or-nothing.
    for (const mutation of mutations) {
      if (mutation.type === 'put') {
        const { namespace, key } = mutation.record;
        this.namespace(namespace).set(key, { ...mutation.record });
      } else {
        this.namespaces.get(mutation.namespace)?.delete(mutation.key);
      }
    }
  }

  purgeExpired(now: number): void {
    for (const records of this.namespaces.values()) {
      for (const [key, record] of records) if (record.expiresAt !== undefined && record.expiresAt <= now) records.delete(key);
    }
  }

  all(): StoredRecord[] {
    return [...this.namespaces.values()].flatMap((records) => [...records.values()].map((record) => ({ ...record })));
  }

  clear(): void {
    this.namespaces.clear();
  }

  close(): void {
    this.namespaces.clear();
  }

  private namespace(name: Namespace): Map<string, StoredRecord> {
    let records = this.namespaces.get(name);
    if (!records) {
      records = new Map();
      this.namespaces.set(name, records);
    }
    return records;
  }
}
