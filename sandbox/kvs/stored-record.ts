/**
 * What the stores hold: one row per key in a namespace. Plain keys, secrets and each custom
 * entity live in separate namespaces, as on Forge, where `kvs.get('k')`, `kvs.getSecret('k')`
 * and `kvs.entity('e').get('k')` are three different items.
 */
export type Namespace = string;

export const KEY_NAMESPACE: Namespace = 'kvs';
export const SECRET_NAMESPACE: Namespace = 'secret';
const ENTITY_PREFIX = 'entity:';

export function entityNamespace(entityName: string): Namespace {
  return `${ENTITY_PREFIX}${entityName}`;
}

export function entityNameOf(namespace: Namespace): string | undefined {
  return namespace.startsWith(ENTITY_PREFIX) ? namespace.slice(ENTITY_PREFIX.length) : undefined;
}

export interface StoredRecord {
  namespace: Namespace;
  key: string;
  /** The value as the JSON text the app sent, parsed only when read back. */
  json: string;
  /** Epoch milliseconds of the sandbox clock. */
  createdAt: number;
  updatedAt: number;
  /** Epoch milliseconds after which the record no longer exists; undefined means no TTL. */
  expiresAt?: number;
}

/** The bytes a record costs to read or write: its key plus its value, as UTF-8. */
export function recordBytes(key: string, json: string): number {
  return Buffer.byteLength(key, 'utf8') + Buffer.byteLength(json, 'utf8');
}

export type Mutation = { type: 'put'; record: StoredRecord } | { type: 'delete'; namespace: Namespace; key: string };
