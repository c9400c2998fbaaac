import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import type { KvsStore } from './kvs-store';
import type { Mutation, Namespace, StoredRecord } from './stored-record';

interface Row {
  namespace: string;
  key: string;
  json: string;
  created_at: number;
  updated_at: number;
  expires_at: number | null;
}

/**
 * The backend behind `npm start`: one SQLite file, so app data survives a restart of the
 * sandbox. better-sqlite3 is synchronous, which keeps every request atomic (see KvsStore).
 */
export class SqliteStore implements KvsStore {
  private readonly db: Database.Database;
  private readonly statements: ReturnType<SqliteStore['prepare']>;

  constructor(path: string) {
    if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
    this.db = new Database(path);
    this.db.pragma('journal_mode = WAL');
    this.db.exec(`
      CREATE TABLE IF NOT EXISTS kvs_items (
        namespace TEXT NOT NULL,
        key TEXT NOT NULL,
        json TEXT NOT NULL,
        created_at INTEGER NOT NULL,
        updated_at INTEGER NOT NULL,
        expires_at INTEGER,
        PRIMARY KEY (namespace, key)
      ) WITHOUT ROWID;
      CREATE INDEX IF NOT EXISTS kvs_items_expiry ON kvs_items (expires_at) WHERE expires_at IS NOT NULL;
    `);
    this.statements = this.prepare();
  }

  read(namespace: Namespace, key: string): StoredRecord | undefined {
    const row = this.statements.read.get(namespace, key) as Row | undefined;
    return row && toRecord(row);
  }

  list(namespace: Namespace, keyPrefix = ''): StoredRecord[] {
    const rows = this.statements.list.all(namespace, keyPrefix.length, keyPrefix) as Row[];
    return rows.map(toRecord);
  }

  apply(mutations: readonly Mutation[]): void {
    // db.transaction commits when the function returns and rolls back if it throws.
    this.db.transaction(() => {
      for (const mutation of mutations) {
        if (mutation.type === 'delete') {
          this.statements.remove.run(mutation.namespace, mutation.key);
          continue;
        }
        const { namespace, key, json, createdAt, updatedAt, expiresAt } = mutation.record;
        this.statements.upsert.run(namespace, key, json, createdAt, updatedAt, expiresAt ?? null);
      }
    })();
  }

  purgeExpired(now: number): void {
    this.statements.purge.run(now);
  }

  all(): StoredRecord[] {
    return (this.statements.all.all() as Row[]).map(toRecord);
  }

  clear(): void {
    this.db.exec('DELETE FROM kvs_items');
  }

  close(): void {
    if (this.db.open) this.db.close();
  }

  private prepare() {
    return {
      read: this.db.prepare('SELECT * FROM kvs_items WHERE namespace = ? AND key = ?'),
      list: this.db.prepare('SELECT * FROM kvs_items WHERE namespace = ? AND substr(key, 1, ?) = ?'),
      all: this.db.prepare('SELECT * FROM kvs_items ORDER BY namespace, key'),
      remove: this.db.prepare('DELETE FROM kvs_items WHERE namespace = ? AND key = ?'),
      purge: this.db.prepare('DELETE FROM kvs_items WHERE expires_at IS NOT NULL AND expires_at <= ?'),
      upsert: this.db.prepare(
        `INSERT INTO kvs_items (namespace, key, json, created_at, updated_at, expires_at) VALUES (?, ?, ?, ?, ?, ?)
         ON CONFLICT (namespace, key) DO UPDATE SET json = excluded.json, created_at = excluded.created_at,
           updated_at = excluded.updated_at, expires_at = excluded.expires_at`
      )
    };
  }
}

function toRecord(row: Row): StoredRecord {
  return {
    namespace: row.namespace,
    key: row.key,
    json: row.json,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    ...(row.expires_at === null ? {} : { expiresAt: row.expires_at })
  };
}
