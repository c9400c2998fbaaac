/**
 * For tests: a ForgeSeam with the fake site registered, and helpers that call it through the
 * real @forge/api (`asApp()` / `asUser()`) inside an invocation, as the app's code will.
 */
import api, { type APIResponse, type RequestInit } from '@forge/api';
import { SandboxClock } from '../runtime/clock';
import { FaultInjector } from '../runtime/faults';
import { ForgeSeam } from '../runtime/forge-seam';
import { runInInvocation } from '../runtime/invocation-context';
import { UsageMeter } from '../runtime/usage-meter';
import { createJiraSite } from './jira-site';
import type { SiteFixture } from './site-model';

type ForgeRoute = Parameters<ReturnType<typeof api.asApp>['requestJira']>[0];

export interface EmittedEvent {
  eventType: string;
  payload: Record<string, unknown>;
}

export function siteHarness(options: { site?: SiteFixture; appScopes?: string[] } = {}) {
  const clock = new SandboxClock();
  const meter = new UsageMeter();
  const faults = new FaultInjector();
  const events: EmittedEvent[] = [];
  const site = createJiraSite({ clock, meter, faults, site: options.site, appScopes: options.appScopes, emit: (eventType, payload) => events.push({ eventType, payload }) });
  const seam = new ForgeSeam(clock);
  site.register(seam);
  seam.install();

  const invoke = <T>(accountId: string | undefined, fn: () => Promise<T>) =>
    runInInvocation({ functionKey: 'test', moduleKey: 'jira-site-test', accountId, startedAt: clock.now(), timeoutMs: 25_000, license: undefined }, fn);

  return {
    clock,
    meter,
    faults,
    events,
    site,
    /** `api.asApp().requestJira(...)` inside an invocation run by `invokedBy` (none: a trigger). */
    asApp: (path: ForgeRoute, init?: RequestInit, invokedBy?: string): Promise<APIResponse> => invoke(invokedBy, () => api.asApp().requestJira(path, init)),
    /** `api.asUser().requestJira(...)` inside an invocation by `accountId` (undefined: anonymous). */
    asUser: (accountId: string | undefined, path: ForgeRoute, init?: RequestInit): Promise<APIResponse> => invoke(accountId, () => api.asUser().requestJira(path, init))
  };
}

export function jsonBody(method: 'POST' | 'PUT', body: unknown): RequestInit {
  return { method, headers: { 'Content-Type': 'application/json', Accept: 'application/json' }, body: JSON.stringify(body) };
}

/** A one-paragraph ADF document. */
export function adf(text: string) {
  return { type: 'doc', version: 1, content: [{ type: 'paragraph', content: [{ type: 'text', text }] }] };
}

/** Reads a JSON answer and checks it against the schema of what Jira answers there. */
export async function parsed<S extends { parse: (value: unknown) => unknown }>(response: APIResponse, schema: S): Promise<ReturnType<S['parse']>> {
  return schema.parse(await response.json()) as ReturnType<S['parse']>;
}
