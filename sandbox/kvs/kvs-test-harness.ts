import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ForgeKvsAPIError } from '@forge/kvs';
import { SandboxClock } from '../runtime/clock';
import { FaultInjector } from '../runtime/faults';
import { ForgeSeam } from '../runtime/forge-seam';
import { runInInvocation } from '../runtime/invocation-context';
import { UsageMeter } from '../runtime/usage-meter';
import type { EntityDefinition } from './entity-definitions';
import type { KvsConsistencyOptions } from './kvs-consistency';
import { createKvsService, type KvsService } from './kvs-service';

/**
 * Test support for the KVS contract tests: a seam with the KVS service installed, for either
 * backend, and a way to run the real @forge/kvs client inside an invocation. (@forge/kvs reads
 * `__forge_runtime__` at import; outside an invocation the seam gives none, so the client falls
 * back to the `{ type: 'kvs', provider: 'app', remote: 'kvs' }` target, which the seam routes here.)
 */
export type Backend = 'memory' | 'sqlite';
export const BACKENDS: Backend[] = ['memory', 'sqlite'];

/** Entities shaped like the app's: a conversation queue and a per-agent slot counter. */
export const TEST_ENTITIES: EntityDefinition[] = [
  {
    name: 'conversation',
    attributes: {
      projectKey: { type: 'string' },
      status: { type: 'string' },
      createdAt: { type: 'integer' },
      version: { type: 'integer' },
      score: { type: 'float' },
      urgent: { type: 'boolean' },
      tags: { type: 'any' }
    },
    indexes: [
      'status',
      { name: 'by-project', partition: ['projectKey'], range: ['createdAt'] },
      { name: 'by-project-status', partition: ['projectKey', 'status'], range: ['createdAt'] }
    ]
  },
  { name: 'agent-slot', attributes: { load: { type: 'integer' }, version: { type: 'integer' } } }
];

export interface KvsHarness {
  clock: SandboxClock;
  meter: UsageMeter;
  faults: FaultInjector;
  seam: ForgeSeam;
  service: KvsService;
  /** Runs `fn` as a Forge invocation, so the real client's calls reach the service. */
  run<T>(fn: () => Promise<T>): Promise<T>;
  /** Closes the service and opens a new one on the same storage (SQLite: the same file). */
  reopen(): void;
  dispose(): void;
}

export function startKvs(backend: Backend, entities: EntityDefinition[] = TEST_ENTITIES, consistency?: KvsConsistencyOptions): KvsHarness {
  const clock = new SandboxClock();
  const meter = new UsageMeter();
  const faults = new FaultInjector();
  const seam = new ForgeSeam(clock);
  const directory = backend === 'sqlite' ? mkdtempSync(join(tmpdir(), 'kvs-contract-')) : undefined;
  const open = () =>
    createKvsService({
      clock,
      meter,
      faults,
      entities,
      consistency,
      store: directory ? { sqlitePath: join(directory, 'kvs.sqlite') } : 'memory'
    });
  const harness: KvsHarness = {
    clock,
    meter,
    faults,
    seam,
    service: open(),
    run: (fn) =>
      runInInvocation(
        { functionKey: 'test', moduleKey: 'kvs-contract', startedAt: clock.now(), timeoutMs: 25_000, license: undefined },
        fn
      ),
    reopen() {
      harness.service.close();
      harness.service = open();
      harness.service.register(seam);
    },
    dispose() {
      harness.service.close();
      if (directory) rmSync(directory, { recursive: true, force: true });
    }
  };
  harness.service.register(seam);
  seam.install();
  return harness;
}

/** The platform error the real client raised: its code and HTTP status. */
export async function kvsErrorOf(promise: Promise<unknown>): Promise<{ code: string; status: number; context: Record<string, unknown> }> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof ForgeKvsAPIError) return { code: error.code, status: error.responseDetails.status, context: error.context ?? {} };
    throw error;
  }
  throw new Error('expected the KVS call to fail, but it succeeded');
}

/** A request the real client never builds, sent through the seam as it would arrive from Forge. */
export async function rawKvsCall(h: KvsHarness, path: string, body: unknown): Promise<{ status: number; body: unknown }> {
  const response = await h.run(() =>
    h.seam.fetch({ type: 'kvs', provider: 'app', remote: 'kvs' }, path, { method: 'POST', body: JSON.stringify(body) })
  );
  const text = await response.text();
  return { status: response.status, body: text ? (JSON.parse(text) as unknown) : undefined };
}
