// Builds each Custom UI app under static/<app>/ into static/<app>/build (the path manifest.yml
// names), with esbuild: one bundle per app; its styles.css, the apps' shared rules
// (shared/public/base.css) followed by its own (public/styles.css); and its page, from the one
// template shared/public/index.html.
// `--watch` rebuilds on change; `--sizes` prints each bundle's size, gzipped as a phone would
// download it.
const esbuild = require('esbuild');
const fs = require('node:fs');
const path = require('node:path');
const zlib = require('node:zlib');

const apps = ['agent-inbox', 'portal-widget'];
/** Each app's page title (the only thing its page has of its own). */
const TITLES = { 'agent-inbox': 'Live chat inbox', 'portal-widget': 'Live chat' };
const shared = path.join(__dirname, 'shared', 'public');

/** The app's index.html: the shared template with its title. */
function page(app) {
  return fs.readFileSync(path.join(shared, 'index.html'), 'utf8').replace('{{title}}', TITLES[app]);
}

/** The app's one stylesheet: the shared rules first, so its own follow and win. */
function styles(app) {
  return (
    fs.readFileSync(path.join(shared, 'base.css'), 'utf8') + fs.readFileSync(path.join(__dirname, app, 'public', 'styles.css'), 'utf8')
  );
}

// @forge/bridge's entry re-exports every bridge API (object store, i18n, flags, the ADF
// renderer...) as CommonJS, which esbuild cannot tree-shake: about 31 KB gzipped, more than the
// whole widget. The apps import '@forge/bridge' like any Forge app; the bundle resolves it to the
// API modules they use. A bridge release that moves them fails this build, loudly.
// Export name → the module that holds it.
const BRIDGE_APIS = { invoke: 'invoke', view: 'view', realtime: 'realtime', router: 'router', showFlag: 'flag' };
const bridgeOut = path.join(path.dirname(require.resolve('@forge/bridge')));

const slimBridge = {
  name: 'slim-forge-bridge',
  setup(build) {
    build.onResolve({ filter: /^@forge\/bridge$/ }, () => ({ path: '@forge/bridge', namespace: 'slim-bridge' }));
    build.onLoad({ filter: /.*/, namespace: 'slim-bridge' }, () => ({
      contents: Object.entries(BRIDGE_APIS)
        .map(([api, dir]) => `export { ${api} } from ${JSON.stringify(path.join(bridgeOut, dir, 'index.js'))};`)
        .join('\n'),
      resolveDir: bridgeOut,
      loader: 'js'
    }));
  }
};

function options(app) {
  const root = path.join(__dirname, app);
  const entry = ['index.tsx', 'index.ts'].map((f) => path.join(root, 'src', f)).find((f) => fs.existsSync(f));
  return {
    entryPoints: [entry],
    outfile: path.join(root, 'build', 'main.js'),
    bundle: true,
    minify: true,
    sourcemap: false,
    target: ['es2020'],
    format: 'iife',
    // Preact: the same components and hooks as React in a tenth of the bytes (see README).
    jsx: 'automatic',
    jsxImportSource: 'preact',
    // Only the bridge's ADF renderer loads iframe-resizer, lazily; the apps never call it.
    external: ['iframe-resizer'],
    plugins: [slimBridge],
    define: { 'process.env.NODE_ENV': '"production"' },
    legalComments: 'none',
    logLevel: 'warning'
  };
}

/**
 * Forge serves Custom UI under a Content Security Policy that blocks inline <style>, style
 * attributes, inline scripts and inline event handlers unless manifest.yml opts in
 * (permissions.content); this app opts in to none, so its pages must carry none. Returns what a
 * page has that the policy would block.
 */
function inlineContent(html) {
  const found = [];
  if (/<style[\s>]/i.test(html)) found.push('an inline <style> element');
  if (/<[a-z][^>]*\sstyle\s*=/i.test(html)) found.push('a style attribute');
  if (/<script(?![^>]*\ssrc\s*=)[^>]*>/i.test(html)) found.push('an inline <script>');
  if (/<[a-z][^>]*\son[a-z]+\s*=/i.test(html)) found.push('an inline event handler');
  return found;
}

function checkPage(app) {
  const found = inlineContent(page(app));
  if (found.length)
    throw new Error(
      `static/shared/public/index.html has ${found.join(', ')}: Forge's Content Security Policy blocks it. Move it to a file (styles.css, src/).`
    );
}

async function build(app, watch) {
  const root = path.join(__dirname, app);
  const out = path.join(root, 'build');
  checkPage(app);
  fs.rmSync(out, { recursive: true, force: true });
  fs.cpSync(path.join(root, 'public'), out, { recursive: true });
  fs.writeFileSync(path.join(out, 'styles.css'), styles(app));
  fs.writeFileSync(path.join(out, 'index.html'), page(app));
  if (watch) {
    const context = await esbuild.context(options(app));
    await context.watch();
  } else {
    await esbuild.build(options(app));
  }
}

/**
 * The app's JavaScript, HTML and CSS as a browser downloads them: bytes, and gzipped bytes. Built
 * in memory, so measuring never disturbs a build/ folder a running sandbox serves.
 */
async function sizes(app) {
  const result = await esbuild.build({ ...options(app), write: false });
  const files = [result.outputFiles[0].contents, Buffer.from(page(app)), Buffer.from(styles(app))];
  const raw = files.reduce((total, f) => total + f.length, 0);
  const gzipped = files.reduce((total, f) => total + zlib.gzipSync(f, { level: 9 }).length, 0);
  return { raw, gzipped };
}

module.exports = { apps, build, sizes, page, inlineContent };

if (require.main === module) {
  const watch = process.argv.includes('--watch');
  Promise.all(apps.map((app) => build(app, watch)))
    .then(async () => {
      if (!process.argv.includes('--sizes')) return;
      for (const app of apps) {
        const { raw, gzipped } = await sizes(app);
        console.log(`${app}: ${(raw / 1024).toFixed(1)} KB, ${(gzipped / 1024).toFixed(1)} KB gzipped`);
      }
    })
    .catch((error) => {
      console.error(error);
      process.exit(1);
    });
}
