import path from 'node:path';
import { writeHostBuild } from './host-bundles';
import { readUiManifest } from './ui-manifest';

/**
 * `npm run build`, after the Custom UI apps: the page host's browser bundles and the app's UI Kit
 * resources (bundled for the browser as Forge does), written to sandbox/host/build/ with their
 * sizes. The server builds the same bundles in memory on first use, so this step is a check, not
 * a dependency of `npm start`.
 */
async function main(): Promise<void> {
  const root = path.resolve(__dirname, '..', '..');
  const manifest = readUiManifest(path.join(root, 'manifest.yml'));
  const uiKit = [...manifest.modules.values()]
    .filter((m) => m.render === 'native')
    .map((m) => ({ key: m.resourceKey, entry: manifest.resourcePath(m.resourceKey) }))
    .filter((r, i, all) => all.findIndex((x) => x.key === r.key) === i);
  const files = await writeHostBuild(path.join(__dirname, 'build'), uiKit);
  for (const f of files)
    console.log(`sandbox host ${f.file}: ${(f.bytes / 1024).toFixed(1)} KB, ${(f.gzipBytes / 1024).toFixed(1)} KB gzipped`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
