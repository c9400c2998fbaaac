import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Sandbox } from '../runtime/sandbox';
import { HttpError, readJson, sendJson } from '../server/http-json';
import { displayName } from './directory';
import { forgeContext } from './forge-context';
import type { FrameSession, FrameSessions } from './frame-sessions';
import type { UiManifest } from './ui-manifest';

/**
 * The product side of the bridge: `POST /host/bridge/<call>` with `{ frame, ... }`, sent by the
 * host page for one of its frames. The caller and the module context come from the frame's
 * session (set when the server rendered the page), never from the body.
 */
export interface BridgeDeps {
  sandbox: Sandbox;
  sessions: FrameSessions;
  manifest: UiManifest;
  siteUrl: string;
  /** The origin app frames are served from (frame-origin.ts). */
  frameOrigin: string;
}

type Body = Record<string, unknown>;

export async function handleBridgeCall(deps: BridgeDeps, call: string, req: IncomingMessage, res: ServerResponse): Promise<void> {
  if (req.method !== 'POST') throw new HttpError(405, 'bridge calls are POSTs');
  // Room for a resolver payload up to Forge's 5 MiB, which invokeResolver enforces (app-host.ts).
  const body = (await readJson(req, 6 * 1024 * 1024)) as Body;
  const session = deps.sessions.get(body.frame);
  if (!session) throw new HttpError(403, 'unknown frame: reload the page');
  const handler = CALLS[call];
  if (!handler) throw new HttpError(404, `no bridge call '${call}'`);
  sendJson(res, 200, await handler(deps, session, body));
}

const CALLS: Record<string, (deps: BridgeDeps, session: FrameSession, body: Body) => Promise<unknown>> = {
  /** invoke(functionKey, payload): the module's resolver, as the page's user, exactly as sandbox.invoke runs it. */
  async invoke({ sandbox }, session, body) {
    if (typeof body.functionKey !== 'string') throw new HttpError(400, 'functionKey must be a string');
    try {
      const value = await sandbox.host.invokeResolver({
        moduleKey: session.moduleKey,
        operation: body.functionKey,
        payload: body.payload ?? {},
        accountId: session.accountId,
        extension: session.extension
      });
      return { ok: true, value: value ?? null };
    } catch (error) {
      // On Forge a resolver that throws rejects the bridge's promise with a generic error.
      return { ok: false, error: error instanceof Error ? error.message : String(error) };
    }
  },

  async context({ sandbox, siteUrl }, session) {
    return forgeContext(sandbox, session, siteUrl);
  },

  /** requestJira(path, init): the fake Jira's REST API as the page's user. */
  async fetch({ sandbox }, session, body) {
    const restPath = typeof body.restPath === 'string' ? body.restPath : '';
    const init = (body.init ?? {}) as { method?: string; body?: string | null };
    const url = new URL(restPath, 'http://jira.invalid');
    const reply = await sandbox.jira.handleJiraHttp(
      init.method ?? 'GET',
      url.pathname,
      url.searchParams,
      init.body ?? undefined,
      session.accountId
    );
    return {
      status: reply.status,
      statusText: '',
      headers: { 'content-type': 'application/json', ...reply.headers },
      body: reply.body === undefined ? '' : JSON.stringify(reply.body)
    };
  },

  /** realtime.publish from the frontend: to the platform's realtime service (not through the app's SDK), with the page's module context. */
  async publish({ sandbox }, session, body) {
    const options = (body.options ?? {}) as { token?: unknown; contextOverrides?: unknown };
    return sandbox.realtime.publishFromPage(
      { moduleKey: session.moduleKey, extension: session.extension },
      {
        channel: String(body.channel ?? ''),
        payload: body.payload,
        isGlobal: body.isGlobal === true,
        ...(typeof options.token === 'string' ? { token: options.token } : {}),
        ...(Array.isArray(options.contextOverrides) ? { contextOverrides: options.contextOverrides.map(String) } : {})
      }
    );
  },

  /** Modal.open(): a new frame of the same app, with the modal's context in its extension. */
  async modal({ sessions, manifest, frameOrigin }, session, body) {
    const resourceKey = typeof body.resource === 'string' && body.resource ? body.resource : session.resourceKey;
    manifest.resourcePath(resourceKey);
    const render =
      resourceKey === session.resourceKey ? session.render : manifest.resourcePath(resourceKey).endsWith('.tsx') ? 'native' : 'custom';
    const modal = sessions.issue({ ...session, resourceKey, render, extension: { ...session.extension, modal: body.context ?? {} } });
    return { frame: modal.token, src: frameSource(modal, frameOrigin), render: modal.render };
  },

  /** Display names for UI Kit's User component. */
  async users({ sandbox }, _session, body) {
    const ids = Array.isArray(body.accountIds) ? body.accountIds.filter((id): id is string => typeof id === 'string').slice(0, 100) : [];
    return Object.fromEntries(ids.map((id) => [id, displayName(sandbox, id)]));
  }
};

/** Where a frame's document is served, on the frame origin: the Custom UI resource, or the UI Kit runtime frame. */
export function frameSource(session: FrameSession, frameOrigin: string): string {
  const path =
    session.render === 'native'
      ? `/host/uikit/${encodeURIComponent(session.resourceKey)}/frame.html`
      : `/host/resources/${encodeURIComponent(session.resourceKey)}/index.html`;
  return frameOrigin + path;
}
