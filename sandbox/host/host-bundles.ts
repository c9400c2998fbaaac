import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import * as esbuild from 'esbuild';

/**
 * The browser code of the page host, built with esbuild: the host page (chrome, bridge host,
 * UI Kit renderer with Atlaskit), the bridge client injected into app frames, the design-token
 * CSS, and each UI Kit resource bundled for the browser as Forge bundles it. The server builds
 * them in memory on first use (so a restart picks up changes); `npm run build` writes them to
 * sandbox/host/build/ and prints their sizes.
 */
export interface Asset {
  contentType: string;
  body: Buffer;
}

const CLIENT = path.join(__dirname, 'client');
const load = createRequire(__filename);

const common: esbuild.BuildOptions = {
  bundle: true,
  minify: true,
  format: 'iife',
  platform: 'browser',
  target: ['es2020'],
  jsx: 'automatic',
  define: { 'process.env.NODE_ENV': '"production"', global: 'globalThis' },
  logLevel: 'silent',
  write: false,
  legalComments: 'none'
};

async function bundle(entry: string, name: string): Promise<Map<string, Asset>> {
  const result = await esbuild.build({
    ...common,
    entryPoints: { [name]: entry },
    outdir: '/virtual',
    loader: { '.svg': 'dataurl', '.png': 'dataurl' }
  });
  const assets = new Map<string, Asset>();
  for (const file of result.outputFiles ?? []) {
    const base = path.basename(file.path);
    assets.set(base, {
      contentType: base.endsWith('.css') ? 'text/css; charset=utf-8' : 'text/javascript; charset=utf-8',
      body: Buffer.from(file.contents)
    });
  }
  return assets;
}

/** Atlassian's light and dark themes with spacing, typography and shape, for `data-theme` pages and frames. */
function tokensCss(): Asset {
  const themes = ['atlassian-light', 'atlassian-dark', 'atlassian-spacing', 'atlassian-typography', 'atlassian-shape'];
  const css = themes
    .map((theme) => (load(`@atlaskit/tokens/dist/cjs/artifacts/themes/${theme}.js`) as { default: string }).default)
    .join('\n');
  return { contentType: 'text/css; charset=utf-8', body: Buffer.from(css) };
}

export class HostBundles {
  private assets: Promise<Map<string, Asset>> | undefined;
  private readonly uiKit = new Map<string, Promise<Asset>>();

  /** host-page.js, host-page.css, bridge-client.js, tokens.css */
  asset(name: string): Promise<Asset | undefined> {
    this.assets ??= Promise.all([
      bundle(path.join(CLIENT, 'host-page.tsx'), 'host-page'),
      bundle(path.join(CLIENT, 'bridge-client.ts'), 'bridge-client')
    ]).then(([page, client]) => new Map([...page, ...client, ['tokens.css', tokensCss()]]));
    this.assets.catch(() => (this.assets = undefined));
    return this.assets.then((all) => all.get(name));
  }

  /** A UI Kit resource (its index.tsx) bundled for the runtime frame. */
  uiKitBundle(resourceKey: string, entry: string): Promise<Asset> {
    let built = this.uiKit.get(resourceKey);
    if (!built) {
      built = bundle(entry, 'index').then((files) => {
        const js = files.get('index.js');
        if (!js) throw new Error(`esbuild produced no JavaScript for ${entry}`);
        return js;
      });
      built.catch(() => this.uiKit.delete(resourceKey));
      this.uiKit.set(resourceKey, built);
    }
    return built;
  }
}

/** `npm run build`: writes every host bundle to `outDir` and returns each file's size. */
export async function writeHostBuild(
  outDir: string,
  uiKitResources: Array<{ key: string; entry: string }>
): Promise<Array<{ file: string; bytes: number; gzipBytes: number }>> {
  const { gzipSync } = await import('node:zlib');
  const bundles = new HostBundles();
  fs.rmSync(outDir, { recursive: true, force: true });
  fs.mkdirSync(path.join(outDir, 'assets'), { recursive: true });
  fs.mkdirSync(path.join(outDir, 'uikit'), { recursive: true });
  const files: Array<[string, Asset]> = [];
  for (const name of ['host-page.js', 'host-page.css', 'bridge-client.js', 'tokens.css']) {
    const asset = await bundles.asset(name);
    if (asset) files.push([path.join('assets', name), asset]);
  }
  for (const { key, entry } of uiKitResources) files.push([path.join('uikit', `${key}.js`), await bundles.uiKitBundle(key, entry)]);
  return files.map(([file, asset]) => {
    fs.writeFileSync(path.join(outDir, file), asset.body);
    return { file, bytes: asset.body.length, gzipBytes: gzipSync(asset.body).length };
  });
}
