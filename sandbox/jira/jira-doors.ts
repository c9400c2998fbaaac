/**
 * The two ways into the fake site, one code path behind them: the Forge seam (`fpp:jira`, what
 * `api.asApp()/asUser().requestJira` send) and HTTP (`handleJiraHttp`, mounted by the sandbox
 * server at `/jira/...` with the `X-Sandbox-User` header). Both decode the body, work out who is
 * calling, and hand a JiraCall to the router.
 */
import { jsonResponse, type ServiceRequest } from '../runtime/forge-seam';
import { JiraError, renderError, type JiraReply } from './jira-errors';
import type { Principal } from './permissions';
import { INVALID_PAYLOAD } from './route-kit';
import type { JiraRouter } from './router';
import { APP_ACCOUNT, type SiteState } from './site-state';

export interface HttpReply {
  status: number;
  headers: Record<string, string>;
  /** JSON value to send; undefined for an empty answer (204). */
  body: unknown;
}

type Decoded = { ok: true; value: unknown } | { ok: false; reply: JiraReply };

function familyOf(path: string) {
  return path.startsWith('/rest/servicedeskapi') ? 'servicedesk' : 'platform';
}

function decodeBody(raw: unknown, path: string): Decoded {
  if (raw === undefined || raw === null || raw === '') return { ok: true, value: undefined };
  if (typeof raw !== 'string') return { ok: true, value: raw };
  try {
    return { ok: true, value: JSON.parse(raw) as unknown };
  } catch {
    return { ok: false, reply: renderError(new JiraError(400, [INVALID_PAYLOAD]), familyOf(path)) };
  }
}

/** A known, active account; anything else reaches Jira as an unauthenticated request. */
function userPrincipal(state: SiteState, accountId: string | undefined): Principal {
  if (accountId === APP_ACCOUNT.accountId) return { kind: 'app' };
  const user = accountId ? state.user(accountId) : undefined;
  return user && user.active ? { kind: 'user', accountId: user.accountId } : { kind: 'anonymous' };
}

/** Who a Forge call acts as: the app (`asApp()`), the invocation's user (`asUser()`), or nobody. */
export function seamPrincipal(state: SiteState, request: ServiceRequest): Principal {
  if (request.target.provider === 'app') return { kind: 'app' };
  if (request.target.provider === 'user') return userPrincipal(state, request.target.accountId ?? request.invocation?.accountId);
  return { kind: 'anonymous' };
}

export function seamHandler(state: SiteState, router: JiraRouter) {
  return async (request: ServiceRequest): Promise<Response> => {
    const [path, search = ''] = request.path.split('?', 2);
    const reply = await (async (): Promise<JiraReply> => {
      const contentType = request.headers['content-type'] ?? '';
      if (request.bytes !== undefined) {
        const form = await multipartBody(request, contentType, path);
        if (!form.ok) return form.reply;
        return router.handle({
          method: request.method,
          path,
          query: new URLSearchParams(search),
          body: form.value,
          principal: seamPrincipal(state, request),
          viaForge: true
        });
      }
      // Jira refuses a body it was not told is JSON; requestJira sends none of its own.
      if (request.body !== undefined && request.body !== '' && !contentType.includes('application/json')) {
        return renderError(
          new JiraError(415, ['Unsupported Media Type: send the body with Content-Type: application/json.']),
          familyOf(path)
        );
      }
      const body = decodeBody(request.body, path);
      if (!body.ok) return body.reply;
      const principal = seamPrincipal(state, request);
      return router.handle({
        method: request.method,
        path,
        query: new URLSearchParams(search),
        body: body.value,
        principal,
        viaForge: true
      });
    })();
    return jsonResponse(reply.status, reply.body, reply.headers);
  };
}

/** A multipart body's file parts, as a route reads them (`ctx.body`). */
export interface MultipartBody {
  readonly kind: 'multipart';
  readonly parts: readonly { readonly name: string; readonly fileName: string; readonly type: string; readonly bytes: Uint8Array }[];
}

export function isMultipart(body: unknown): body is MultipartBody {
  return typeof body === 'object' && body !== null && (body as { kind?: unknown }).kind === 'multipart';
}

/**
 * Jira takes bytes only as multipart/form-data, and only with `X-Atlassian-Token: no-check`
 * ("if not it is blocked": 403, XSRF check failed). The form is parsed as a browser would.
 */
async function multipartBody(request: ServiceRequest, contentType: string, path: string): Promise<Decoded> {
  if (!contentType.startsWith('multipart/form-data')) {
    return {
      ok: false,
      reply: renderError(new JiraError(415, ['Unsupported Media Type: send bytes as multipart/form-data.']), familyOf(path))
    };
  }
  if ((request.headers['x-atlassian-token'] ?? '').toLowerCase() !== 'no-check') {
    return { ok: false, reply: renderError(new JiraError(403, ['XSRF check failed']), familyOf(path)) };
  }
  try {
    const form = await new Response(Uint8Array.from(request.bytes ?? []), { headers: { 'content-type': contentType } }).formData();
    const parts: MultipartBody['parts'][number][] = [];
    const entries: [string, FormDataEntryValue][] = [];
    form.forEach((value, name) => entries.push([name, value]));
    for (const [name, value] of entries) {
      if (typeof value === 'string') continue;
      parts.push({ name, fileName: value.name, type: value.type, bytes: new Uint8Array(await value.arrayBuffer()) });
    }
    return { ok: true, value: { kind: 'multipart', parts } satisfies MultipartBody };
  } catch {
    return { ok: false, reply: renderError(new JiraError(400, ['The multipart body could not be read.']), familyOf(path)) };
  }
}

export type HttpQuery = URLSearchParams | string | Record<string, string | string[] | undefined>;

function toSearchParams(query: HttpQuery): URLSearchParams {
  if (query instanceof URLSearchParams || typeof query === 'string') return new URLSearchParams(query);
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    for (const item of Array.isArray(value) ? value : value === undefined ? [] : [value]) params.append(key, item);
  }
  return params;
}

/** The HTTP door: `asAccountId` is the sandbox user (or the app's account id to call as the app). */
export function httpHandler(state: SiteState, router: JiraRouter) {
  return async (method: string, path: string, query: HttpQuery, body: unknown, asAccountId: string | undefined): Promise<HttpReply> => {
    const decoded = decodeBody(body, path);
    if (!decoded.ok) return decoded.reply;
    return router.handle({
      method: method.toUpperCase(),
      path,
      query: toSearchParams(query),
      body: decoded.value,
      principal: userPrincipal(state, asAccountId),
      viaForge: false
    });
  };
}
