import { randomUUID } from 'node:crypto';
import { currentInvocation, type InvocationContext } from './invocation-context';
import type { SandboxClock } from './clock';
import { installVirtualDate } from './virtual-date';

/**
 * The seam every @forge/* SDK talks through: `global.__forge_fetch__(target, path, init)` for
 * platform calls and `global.__forge_runtime__` for the invocation's context. The sandbox
 * installs both once; each platform service registers a handler for its `target.type`, or
 * for `type:remote` where one type fronts several services (product calls are type `fpp` with
 * remote `jira`; queue pushes are `fpp` with remote `stargate`).
 */
export interface FetchTarget {
  type: string;
  provider?: string;
  remote?: string;
  accountId?: string;
  model?: string;
  contextAri?: string;
}

export interface ServiceRequest {
  target: FetchTarget;
  path: string;
  method: string;
  headers: Record<string, string>;
  body: string | undefined;
  /** An ArrayBuffer body's bytes (a multipart upload: @forge/api's requestJira takes no FormData); `body` is then undefined. */
  bytes?: Uint8Array;
  /** The invocation making the call; undefined when called outside any invocation. */
  invocation: InvocationContext | undefined;
}

export type ServiceHandler = (request: ServiceRequest) => Promise<Response>;

export const SANDBOX_APP_ID = '5f1e2c3a-0000-4000-8000-00000000c4a7';
export const SANDBOX_ENVIRONMENT_ID = '5f1e2c3a-0000-4000-8000-0000000000de';
export const SANDBOX_INSTALLATION_ID = '5f1e2c3a-0000-4000-8000-00000000a11d';
export const SANDBOX_CLOUD_ID = '5f1e2c3a-0000-4000-8000-000000000c1d';

export class ForgeSeam {
  private services = new Map<string, ServiceHandler>();
  private restoreDate: (() => void) | undefined;

  constructor(private readonly clock: SandboxClock) {}

  /** `key` is a target type (`kvs`, `realtime`, `llm`) or `type:remote` (`fpp:jira`, `fpp:stargate`). */
  register(key: string, handler: ServiceHandler): void {
    this.services.set(key, handler);
  }

  /**
   * Installs the globals the SDKs read, and a `Date` that reads this seam's clock (the SDKs check
   * token expiry and the app reads the time with it). Safe to call again: the latest seam wins.
   */
  install(): void {
    this.restoreDate ??= installVirtualDate(this.clock);
    const g = globalThis as Record<string, unknown>;
    g.__forge_fetch__ = (target: FetchTarget, path: string, init?: RequestInit) => this.fetch(target, path, init);
    Object.defineProperty(globalThis, '__forge_runtime__', {
      configurable: true,
      get: () => this.runtimeFor(currentInvocation())
    });
  }

  /** Gives back the Date this seam installed (the SDK globals stay for whichever seam comes next). */
  uninstall(): void {
    this.restoreDate?.();
    this.restoreDate = undefined;
  }

  async fetch(target: FetchTarget, path: string, init: RequestInit = {}): Promise<Response> {
    const key = target.remote && this.services.has(`${target.type}:${target.remote}`) ? `${target.type}:${target.remote}` : target.type;
    const handler = this.services.get(key);
    const requests = currentInvocation()?.platformRequests;
    if (requests) requests[key] = (requests[key] ?? 0) + 1;
    if (!handler) {
      return new Response(JSON.stringify({ message: `The sandbox does not emulate '${target.type}' requests.` }), {
        status: 501,
        headers: { 'content-type': 'application/json' }
      });
    }
    return handler({
      target,
      path,
      method: (init.method ?? 'GET').toUpperCase(),
      headers: normaliseHeaders(init.headers),
      ...requestBody(init.body),
      invocation: currentInvocation()
    });
  }

  private runtimeFor(invocation: InvocationContext | undefined): unknown {
    // On Forge the runtime exists before the app's modules load, and some SDKs read it at
    // import time (@forge/llm, @forge/kvs). The sandbox loads the app outside any invocation,
    // so it answers with the installation's runtime; platform calls made outside an invocation
    // are still refused by the services (they see no invocation).
    if (!invocation) return this.installationRuntime();
    const clock = this.clock;
    return {
      proxy: { token: `sandbox-${invocation.invocationId}`, url: 'http://sandbox.invalid' },
      appContext: {
        appId: SANDBOX_APP_ID,
        appVersion: '1.0.0',
        environmentId: SANDBOX_ENVIRONMENT_ID,
        environmentType: 'DEVELOPMENT',
        invocationId: invocation.invocationId,
        installationId: SANDBOX_INSTALLATION_ID,
        moduleKey: invocation.moduleKey,
        license: invocation.license,
        installation: { ari: { installationId: SANDBOX_INSTALLATION_ID }, contexts: [] },
        permissions: { scopes: [], external: {} }
      },
      contextAri: `ari:cloud:jira::site/${SANDBOX_CLOUD_ID}`,
      lambdaContext: {
        getRemainingTimeInMillis: () => Math.max(0, invocation.startedAt + invocation.timeoutMs - clock.now())
      },
      metrics: noopMetrics,
      tracing: { traceId: randomUUID().replace(/-/g, ''), spanId: randomUUID().slice(0, 16) },
      externalAuth: []
    };
  }

  private installationRuntime(): unknown {
    return {
      proxy: { token: 'sandbox-installation', url: 'http://sandbox.invalid' },
      appContext: {
        appId: SANDBOX_APP_ID,
        appVersion: '1.0.0',
        environmentId: SANDBOX_ENVIRONMENT_ID,
        environmentType: 'DEVELOPMENT',
        installationId: SANDBOX_INSTALLATION_ID,
        permissions: { scopes: [], external: {} }
      },
      contextAri: `ari:cloud:jira::site/${SANDBOX_CLOUD_ID}`,
      lambdaContext: {},
      metrics: noopMetrics,
      tracing: { traceId: '0'.repeat(32), spanId: '0'.repeat(16) },
      externalAuth: []
    };
  }
}

const noopTimer = { measure: () => ({ stop: () => undefined }) };
const noopMetrics = {
  counter: () => ({ incr: () => undefined, decr: () => undefined }),
  timing: () => noopTimer,
  gauge: () => ({ set: () => undefined })
};

function normaliseHeaders(headers: RequestInit['headers']): Record<string, string> {
  const out: Record<string, string> = {};
  if (!headers) return out;
  if (headers instanceof Headers) headers.forEach((value, key) => (out[key.toLowerCase()] = value));
  else if (Array.isArray(headers)) for (const [key, value] of headers) out[key.toLowerCase()] = value;
  else for (const [key, value] of Object.entries(headers)) out[key.toLowerCase()] = String(value);
  return out;
}

export function jsonResponse(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  return new Response(body === undefined ? null : JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json', ...headers }
  });
}

function requestBody(body: unknown): { body: string | undefined; bytes?: Uint8Array } {
  if (body === undefined || body === null) return { body: undefined };
  if (typeof body === 'string') return { body };
  if (body instanceof ArrayBuffer) return { body: undefined, bytes: new Uint8Array(body) };
  if (ArrayBuffer.isView(body)) return { body: undefined, bytes: new Uint8Array(body.buffer, body.byteOffset, body.byteLength) };
  return { body: String(body) };
}
