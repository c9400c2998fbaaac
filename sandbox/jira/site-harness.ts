/**
 * For tests: a ForgeSeam with the fake site registered, and helpers that call it through the
 * real @forge/api (`asApp()` / `asUser()`) inside an invocation, as the app's code will.
 */
import api, { type APIResponse, type RequestInit } from '@forge/api';
import type { z } from 'zod';
import { SandboxClock } from '../runtime/clock';
import { FaultInjector } from '../runtime/faults';
import { createEventsService } from '../events/events-service';
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

export function siteHarness(options: { site?: SiteFixture; appScopes?: string[]; startAt?: number } = {}) {
  const clock = new SandboxClock(options.startAt);
  const meter = new UsageMeter();
  const faults = new FaultInjector();
  const events: EmittedEvent[] = [];
  const site = createJiraSite({
    clock,
    meter,
    faults,
    site: options.site,
    appScopes: options.appScopes,
    emit: (eventType, payload) => events.push({ eventType, payload })
  });
  const seam = new ForgeSeam(clock);
  site.register(seam);
  createEventsService({ clock, meter, faults, deliver: async () => undefined }).register(seam, site.graphqlHandler);
  seam.install();

  const invoke = <T>(accountId: string | undefined, fn: () => Promise<T>) =>
    runInInvocation(
      { functionKey: 'test', moduleKey: 'jira-site-test', accountId, startedAt: clock.now(), timeoutMs: 25_000, license: undefined },
      fn
    );

  return {
    clock,
    meter,
    faults,
    events,
    site,
    /** `api.asApp().requestJira(...)` inside an invocation run by `invokedBy` (none: a trigger). */
    asApp: (path: ForgeRoute, init?: RequestInit, invokedBy?: string): Promise<APIResponse> =>
      invoke(invokedBy, () => api.asApp().requestJira(path, init)),
    /** `api.asUser().requestJira(...)` inside an invocation by `accountId` (undefined: anonymous). */
    asUser: (accountId: string | undefined, path: ForgeRoute, init?: RequestInit): Promise<APIResponse> =>
      invoke(accountId, () => api.asUser().requestJira(path, init)),
    /**
     * `api.asApp().requestGraph(...)` (or `asUser()` when `asUser` names someone), through the
     * events service's `fpp:stargate`, which hands GraphQL to the site as the sandbox wires it.
     */
    graph: (query: string, variables?: Record<string, unknown>, headers?: Record<string, string>, asUser?: string): Promise<APIResponse> =>
      invoke(asUser, () => (asUser ? api.asUser() : api.asApp()).requestGraph(query, variables, headers))
  };
}

export function jsonBody(method: 'POST' | 'PUT', body: unknown): RequestInit {
  return { method, headers: { 'Content-Type': 'application/json', Accept: 'application/json' }, body: JSON.stringify(body) };
}

/** A one-paragraph ADF document. */
export function adf(text: string) {
  return { type: 'doc', version: 1, content: [{ type: 'paragraph', content: [{ type: 'text', text }] }] };
}

/**
 * jira.js marks nearly every property optional, though Jira always sends most of them; tests
 * read them as present (a missing one fails the test where it is read).
 */
export type Present<T> =
  T extends Array<infer U>
    ? Array<Present<U>>
    : T extends Date
      ? T
      : T extends object
        ? { [K in keyof T]-?: Present<Exclude<T[K], undefined>> }
        : T;

/** Reads a JSON answer and checks it against jira.js's schema of what Jira answers there (see answer-schemas.ts). */
export async function parsed<S extends z.ZodType>(response: APIResponse, schema: S): Promise<Present<z.output<S>>> {
  return schema.parse(await response.json()) as Present<z.output<S>>;
}
