import type { IncomingMessage, ServerResponse } from 'node:http';
import path from 'node:path';
import type { SandboxHolder } from '../server/scripting-api';
import { HttpError } from '../server/http-json';
import { handleBridgeCall } from './bridge-api';
import { readDirectory, type SpaceDirectory } from './directory';
import { startFrameOrigin, type FrameOrigin } from './frame-origin';
import { FrameSessions } from './frame-sessions';
import { HostBundles } from './host-bundles';
import type { Html } from './pages/html';
import { adminPage, globalPage, portalPage, spaceSettingsPage, type SurfaceDeps } from './pages/surface-pages';
import { usagePage } from './pages/usage-page';
import { workItemListPage, workItemPage } from './pages/work-item-pages';
import { serveCustomUiFile, serveHostAsset, serveUiKitBundle, serveUiKitFrame } from './resource-files';
import { readUiManifest, type UiManifest, type UiModule } from './ui-manifest';

/**
 * The sandbox's page host: the pages the app's UI modules live in (`/pages/...`), the frames'
 * documents and the host's own scripts (`/host/...`), and the product side of the bridge
 * (`POST /host/bridge/<call>`). See sandbox/host/README.md.
 */
export interface PageHostOptions {
  holder: SandboxHolder;
  /** Defaults to the project's manifest.yml. */
  manifestPath?: string;
  /** Tests point a resource at a fixture page: resource key → path. */
  resourceOverrides?: Record<string, string>;
}

export interface PageHost {
  readonly sessions: FrameSessions;
  readonly manifest: UiManifest;
  /** Where the app's frames are served from (frame-origin.ts); set by start(). */
  readonly frameOrigin: string;
  /** Starts the frame origin for the product at `siteUrl` (the only origin that may embed its frames). */
  start(siteUrl: string): Promise<void>;
  /** Handles `/pages/*` and `/host/*`; false for anything else. */
  handle(req: IncomingMessage, res: ServerResponse, url: URL, siteUrl: string): Promise<boolean>;
  close(): Promise<void>;
}

/** What the product's pages use of the host's assets; the frame origin serves only the frames' own. */
const FRAME_ASSETS = new Set(['bridge-client.js', 'tokens.css']);

const PROJECT_ROOT = path.resolve(__dirname, '..', '..');

export function createPageHost(options: PageHostOptions): PageHost {
  const manifest = readUiManifest(options.manifestPath ?? path.join(PROJECT_ROOT, 'manifest.yml'), options.resourceOverrides);
  const sessions = new FrameSessions();
  const bundles = new HostBundles();
  const sandbox = () => options.holder.sandbox;
  let frames: FrameOrigin | undefined;
  let productOrigin = '';
  const frameOrigin = (): string => {
    if (!frames) throw new HttpError(503, 'the page host has not started its frame origin');
    return frames.url;
  };

  /** The frame origin: the app's frame documents, under Forge's enforced CSP, and nothing else. */
  async function frameFile(res: ServerResponse, url: URL): Promise<void> {
    const [area, kind, key, ...rest] = url.pathname.split('/').filter(Boolean).map(decodeURIComponent);
    if (area === 'host' && kind === 'resources' && key) serveCustomUiFile(manifest, key, rest.join('/'), productOrigin, res);
    else if (area === 'host' && kind === 'uikit' && key && rest[0] === 'frame.html') serveUiKitFrame(manifest, key, productOrigin, res);
    else if (area === 'host' && kind === 'uikit' && key && rest[0] === 'index.js') await serveUiKitBundle(manifest, bundles, key, res);
    else if (area === 'host' && kind === 'assets' && key && FRAME_ASSETS.has(key)) await serveHostAsset(bundles, key, res);
    else throw new HttpError(404, `the frame origin serves app frames only, not ${url.pathname}`);
  }

  async function page(res: ServerResponse, url: URL, segments: string[]): Promise<void> {
    const deps: SurfaceDeps = { sandbox: sandbox(), sessions, directory: await readDirectory(sandbox()), frameOrigin: frameOrigin() };
    const as = accountParam(deps, url);
    const space = (key: string | undefined): SpaceDirectory => {
      const found = deps.directory.spaces.find((s) => s.key === key);
      if (!found) throw new HttpError(404, `no service space '${key ?? ''}' on the sandbox site`);
      return found;
    };
    const module = (type: string): UiModule => {
      const found = manifest.moduleOfType(type);
      if (!found) throw new HttpError(404, `manifest.yml has no ${type} module`);
      return found;
    };
    const firstOf = (ids: Array<{ accountId: string }>) => ids[0]?.accountId ?? null;
    const [kind, arg] = segments;
    let body: Html;
    switch (kind) {
      case 'portal': {
        const s = space(arg);
        body = portalPage(deps, module('jiraServiceManagement:portalFooter'), s, as === undefined ? null : as);
        break;
      }
      case 'inbox':
        body = globalPage(deps, module('jira:globalPage'), as === undefined ? firstOf(deps.directory.spaces.flatMap((s) => s.agents)) : as);
        break;
      case 'space-settings': {
        const s = space(arg);
        body = spaceSettingsPage(deps, module('jira:projectSettingsPage'), s, as === undefined ? firstOf(s.admins) : as);
        break;
      }
      case 'admin':
        body = adminPage(deps, module('jira:adminPage'), as === undefined ? firstOf(deps.directory.siteAdmins) : as);
        break;
      case 'work-items': {
        const viewer = as === undefined ? firstOf(deps.directory.spaces.flatMap((s) => s.agents)) : as;
        if (!arg) {
          body = workItemListPage(deps, viewer, url.searchParams.get('project') ?? undefined);
          break;
        }
        const issue = deps.sandbox.jira.getIssue(arg);
        if (!issue) throw new HttpError(404, `no work item ${arg}`);
        body = workItemPage(deps, manifest, viewer, issue);
        break;
      }
      case 'usage':
        body = usagePage(deps.sandbox);
        break;
      default:
        throw new HttpError(404, `no page /pages/${segments.join('/')}`);
    }
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
    res.end(body.text);
  }

  return {
    sessions,
    manifest,
    get frameOrigin() {
      return frameOrigin();
    },
    async start(siteUrl) {
      productOrigin = new URL(siteUrl).origin;
      frames ??= await startFrameOrigin((_req, res, url) => frameFile(res, url));
    },
    async close() {
      await frames?.close();
      frames = undefined;
    },
    async handle(req, res, url, siteUrl) {
      const segments = url.pathname.split('/').filter(Boolean).map(decodeURIComponent);
      if (segments[0] === 'pages' && req.method === 'GET') {
        await page(res, url, segments.slice(1));
        return true;
      }
      if (segments[0] !== 'host') return false;
      const [, area, key] = segments;
      if (area === 'bridge') {
        // The frames' Date follows the sandbox's (client/bridge-client.ts).
        res.setHeader('x-sandbox-now', String(sandbox().clock.now()));
        await handleBridgeCall({ sandbox: sandbox(), sessions, manifest, siteUrl, frameOrigin: frameOrigin() }, key, req, res);
      } else if (area === 'assets' && key) {
        await serveHostAsset(bundles, key, res);
      } else if (area === 'resources' || area === 'uikit') {
        // As on Forge, the product's site never serves the app's frames: they come from the app's CDN.
        throw new HttpError(404, `app frames are served from the frame origin ${frameOrigin()}, not the product's site`);
      } else {
        throw new HttpError(404, `nothing at ${url.pathname}`);
      }
      return true;
    }
  };
}

/** `?as=`: an account id, or `anonymous`; undefined when absent (the page picks its usual user). */
function accountParam(deps: SurfaceDeps, url: URL): string | null | undefined {
  const value = url.searchParams.get('as');
  if (value === null || value === '') return undefined;
  if (value === 'anonymous') return null;
  if (!deps.sandbox.jira.user(value)) throw new HttpError(400, `no account '${value}' on the sandbox site`);
  return value;
}
