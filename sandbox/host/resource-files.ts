import fs from 'node:fs';
import type { ServerResponse } from 'node:http';
import path from 'node:path';
import { HttpError } from '../server/http-json';
import type { HostBundles } from './host-bundles';
import type { UiManifest } from './ui-manifest';

/**
 * The documents app frames load. A Custom UI resource is served from its directory (the build
 * manifest.yml names) with the bridge client injected before the app's own scripts, as the
 * Forge CDN serves it with the product's bridge; a UI Kit resource runs in a runtime frame that
 * loads the bridge client and then the resource's bundle.
 *
 * Forge serves Custom UI from its CDN, an origin of its own, with a Content Security Policy that
 * blocks inline scripts and styles unless manifest.yml's `permissions.content` allows them
 * (https://developer.atlassian.com/platform/forge/add-content-security-and-egress-controls/).
 * The sandbox enforces the same policy on every frame document it serves from its frame origin
 * (frame-origin.ts): what Forge would block, the sandbox blocks.
 */
const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8'
};

/**
 * Forge's default policy for Custom UI, widened by the manifest's `permissions.content`. Where
 * the docs leave the default open, the stricter reading: only the frame's own origin, and only
 * the product's pages may embed it.
 */
export function forgeCsp(content: UiManifest['content'], productOrigin: string): string {
  const extra = (list: string[]) => list.map((v) => (v.endsWith(':') ? ` ${v}` : ` '${v.replace(/'/g, '')}'`)).join('');
  return `default-src 'self'; script-src 'self'${extra(content.scripts)}; style-src 'self'${extra(content.styles)}; img-src 'self' data: blob:; font-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'self'; frame-ancestors ${productOrigin}`;
}

const BRIDGE_TAG = (kind: 'custom-ui' | 'ui-kit') => `<script src="/host/assets/bridge-client.js" data-kind="${kind}"></script>`;

export function injectBridge(document: string): string {
  const tag = BRIDGE_TAG('custom-ui');
  // Before the first script of the page, so @forge/bridge finds __bridge when it loads.
  const head = /<head[^>]*>/i.exec(document);
  if (head) return document.slice(0, head.index + head[0].length) + tag + document.slice(head.index + head[0].length);
  const script = document.search(/<script/i);
  return script >= 0 ? document.slice(0, script) + tag + document.slice(script) : tag + document;
}

export function serveCustomUiFile(
  manifest: UiManifest,
  resourceKey: string,
  filePath: string,
  productOrigin: string,
  res: ServerResponse
): void {
  const root = manifest.resourcePath(resourceKey);
  const target = path.resolve(root, filePath || 'index.html');
  if (target !== root && !target.startsWith(root + path.sep)) throw new HttpError(404, 'outside the resource');
  if (!fs.existsSync(target) || !fs.statSync(target).isFile()) {
    throw new HttpError(
      404,
      `resource '${resourceKey}' has no ${filePath} (built? npm run build writes ${path.relative(process.cwd(), root)})`
    );
  }
  const type = TYPES[path.extname(target).toLowerCase()] ?? 'application/octet-stream';
  const headers = {
    'content-type': type,
    'cache-control': 'no-store',
    'content-security-policy': forgeCsp(manifest.content, productOrigin)
  };
  if (type.startsWith('text/html')) {
    res.writeHead(200, headers);
    res.end(injectBridge(fs.readFileSync(target, 'utf8')));
    return;
  }
  res.writeHead(200, headers);
  fs.createReadStream(target).pipe(res);
}

/** UI Kit's runtime frame is Forge's own document on the same CDN, under the same policy. */
export function serveUiKitFrame(manifest: UiManifest, resourceKey: string, productOrigin: string, res: ServerResponse): void {
  const key = encodeURIComponent(resourceKey);
  res.writeHead(200, {
    'content-type': 'text/html; charset=utf-8',
    'cache-control': 'no-store',
    'content-security-policy': forgeCsp(manifest.content, productOrigin)
  });
  res.end(
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>UI Kit runtime: ${key}</title>${BRIDGE_TAG('ui-kit')}</head><body><script src="/host/uikit/${key}/index.js"></script></body></html>`
  );
}

export async function serveUiKitBundle(
  manifest: UiManifest,
  bundles: HostBundles,
  resourceKey: string,
  res: ServerResponse
): Promise<void> {
  const asset = await bundles.uiKitBundle(resourceKey, manifest.resourcePath(resourceKey));
  res.writeHead(200, { 'content-type': asset.contentType, 'cache-control': 'no-store' });
  res.end(asset.body);
}

export async function serveHostAsset(bundles: HostBundles, name: string, res: ServerResponse): Promise<void> {
  const asset = await bundles.asset(name);
  if (!asset) throw new HttpError(404, `no host asset ${name}`);
  res.writeHead(200, { 'content-type': asset.contentType, 'cache-control': 'no-store' });
  res.end(asset.body);
}
