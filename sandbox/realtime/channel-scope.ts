/**
 * Which subscribers a realtime event reaches. Forge scopes every channel to the app
 * installation, then:
 * - global (`publishGlobal` / `subscribeGlobal`): everyone on the channel name;
 * - default: the Atlassian app context of the module, i.e. the same module in the same
 *   product context ("a jira:issuePanel ... will only receive messages that are published
 *   from the same module in the same Jira issue");
 * - `contextOverrides` (e.g. [Jira.Project]): only those properties of `context.extension`,
 *   so different modules on the same project share the channel;
 * - a token from `signRealtimeToken`: additionally keyed by the token's claims, so only
 *   holders of a token with the same claims meet on the channel (the sandbox's reading of
 *   "custom claims"; the strict one).
 */
export interface RealtimeContext {
  /** The module whose page (or resolver) is on the channel, e.g. `live-chat-widget`. */
  moduleKey: string;
  /** The page's `context.extension`, e.g. `{ project: { id: '10000', key: 'HELP' } }`. */
  extension: Record<string, unknown>;
}

/** The `Jira`, `Confluence` and `Bitbucket` enums of @forge/realtime and @forge/bridge. */
export const CONTEXT_OVERRIDES = ['board', 'issue', 'project', 'content', 'space', 'repository', 'pullRequest'];

export interface ScopeRequest {
  name: string;
  isGlobal: boolean;
  context: RealtimeContext | undefined;
  contextOverrides: unknown;
  /** Claims of a verified token, when one was given. */
  claims?: unknown;
}

export type ChannelKey = { ok: true; key: string } | { ok: false; message: string };

export function channelKey(request: ScopeRequest): ChannelKey {
  const scope = scopeOf(request);
  if (!scope.ok) return scope;
  const claims = request.claims === undefined ? '' : canonical(request.claims);
  return { ok: true, key: [request.name, scope.key, claims].join('\u0000') };
}

function scopeOf({ isGlobal, context, contextOverrides }: ScopeRequest): ChannelKey {
  // publishGlobal ignores overrides, as the SDK does.
  if (isGlobal) return { ok: true, key: 'global' };
  if (contextOverrides !== undefined) {
    if (!Array.isArray(contextOverrides)) {
      return { ok: false, message: 'Invalid value for contextOverrides. Please provide an array of valid context properties.' };
    }
    const unknown = contextOverrides.find((o) => !CONTEXT_OVERRIDES.includes(o as string));
    if (unknown !== undefined) return { ok: false, message: `'${String(unknown)}' is not a valid context property.` };
    const missing = contextOverrides.find((o) => context?.extension[o as string] === undefined);
    if (missing !== undefined) return { ok: false, message: `The context has no '${String(missing)}' to scope the channel to.` };
    const picked = Object.fromEntries((contextOverrides as string[]).map((o) => [o, context?.extension[o]]));
    return { ok: true, key: `context:${canonical(picked)}` };
  }
  // Without an Atlassian app context (a consumer, a trigger) a non-global channel has no scope
  // any page can share: such publishes reach nobody, which is why apps publish globally there.
  if (!context) return { ok: true, key: 'no-context' };
  return { ok: true, key: `module:${context.moduleKey}:${canonical(context.extension)}` };
}

/** JSON with sorted keys, so equal contexts and claims give equal keys. */
export function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}
