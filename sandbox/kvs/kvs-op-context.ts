import type { UsageMeter } from '../runtime/usage-meter';
import type { EntityCatalog } from './entity-definitions';
import type { Liveness } from './kvs-consistency';
import type { KvsStore } from './kvs-store';
import type { Namespace, StoredRecord } from './stored-record';

/** What every operation works with: the store, the declared entities, the request's instant and the meter. */
export interface KvsOpContext {
  store: KvsStore;
  entities: EntityCatalog;
  /** The sandbox clock's time when the request arrived; TTLs and timestamps use it. */
  now: number;
  usage: KvsUsage;
  /** Whether a record still exists (TTL, with the platform's deletion lag: kvs-consistency.ts). */
  isLive: Liveness;
  /** A namespace as queries see it: eventually consistent (kvs-consistency.ts); gets read `store`. */
  listForQuery(namespace: Namespace, keyPrefix?: string): StoredRecord[];
}

/** An operation's answer before it becomes an HTTP response. */
export interface OpResult {
  status: number;
  body?: unknown;
}

export const NO_CONTENT: OpResult = { status: 204 };

export function ok(body: unknown): OpResult {
  return { status: 200, body };
}

/**
 * Records what a served operation would be billed: each item read or written counts once (a
 * batch or a transaction of N items counts N), with its bytes, and `detail` names the operation.
 * Operations record only once they succeed; a refused request costs nothing.
 */
export class KvsUsage {
  constructor(private readonly meter: UsageMeter | undefined) {}

  read(operation: string, items: number, bytes: number): void {
    this.meter?.record('kvs.reads', items, operation);
    this.meter?.record('kvs.readBytes', bytes, operation);
  }

  write(operation: string, items: number, bytes: number): void {
    if (items === 0) return;
    this.meter?.record('kvs.writes', items, operation);
    this.meter?.record('kvs.writeBytes', bytes, operation);
  }

  transaction(operation: string): void {
    this.meter?.record('kvs.transactions', 1, operation);
  }

  /** A transaction cancelled on a failed condition: nothing written, but the request was made (and retried). */
  conflict(operation: string): void {
    this.meter?.record('kvs.conflicts', 1, operation);
  }

  /** A request the platform answered 429/5xx (injected faults). */
  refused(operation: string): void {
    this.meter?.record('kvs.refused', 1, operation);
  }
}
