/**
 * What a route is and what it receives. Each route names its method, its path template (as in
 * Atlassian's docs, `{issueIdOrKey}`), its API family (which error shape it answers in) and the
 * classic OAuth scopes the gateway requires for it.
 */
import type { z } from 'zod';
import { JiraError, type ApiFamily, type JiraReply } from './jira-errors';
import type { Principal } from './permissions';
import type { SiteState } from './site-state';
import type { SiteEvents } from './issue-events';

export interface RouteContext {
  state: SiteState;
  principal: Principal;
  params: Record<string, string>;
  query: URLSearchParams;
  /** The parsed JSON body, or undefined when the request had none. */
  body: unknown;
  now: number;
  events: SiteEvents;
}

export interface RouteDef {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  template: string;
  family: ApiFamily;
  /** Classic scopes, all required (an empty list: any token may call it). */
  scopes: string[];
  handle(ctx: RouteContext): JiraReply;
}

export function ok(body: unknown, status = 200): JiraReply {
  return { status, headers: {}, body };
}

export function noContent(): JiraReply {
  return { status: 204, headers: {}, body: undefined };
}

/** Jira's answer to a body it cannot map onto the operation's bean. */
export const INVALID_PAYLOAD = 'Invalid request payload. Refer to the REST API documentation and try again.';

/**
 * Validates a body against the operation's schema. Unknown properties get Jackson's
 * "Unrecognized field" message, as Jira's strict beans answer; other mismatches get Jira's
 * generic payload message with the offending path in `errors`.
 */
export function parseBody<S extends z.ZodType>(ctx: RouteContext, schema: S): z.infer<S> {
  if (ctx.body === undefined) throw new JiraError(400, [INVALID_PAYLOAD], {}, 'sd.error.invalid.payload');
  const result = schema.safeParse(ctx.body);
  if (result.success) return result.data;
  const unknown = result.error.issues.find((issue) => issue.code === 'unrecognized_keys');
  if (unknown && unknown.code === 'unrecognized_keys') {
    throw new JiraError(400, [`Unrecognized field "${unknown.keys[0]}", not marked as ignorable`], {}, 'sd.error.invalid.payload');
  }
  const errors: Record<string, string> = {};
  for (const issue of result.error.issues) errors[issue.path.join('.') || 'body'] = issue.message;
  throw new JiraError(400, [INVALID_PAYLOAD], errors, 'sd.error.invalid.payload');
}

/** Query parameters that may repeat or be comma lists (`fields=a,b&fields=c`). */
export function listParam(query: URLSearchParams, name: string): string[] {
  return query
    .getAll(name)
    .flatMap((v) => v.split(','))
    .map((v) => v.trim())
    .filter(Boolean);
}

export function intParam(query: URLSearchParams, name: string, fallback: number): number {
  const raw = query.get(name);
  if (raw === null || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value)) throw new JiraError(400, [`The value '${raw}' is not a valid number for the parameter '${name}'.`]);
  return value;
}
