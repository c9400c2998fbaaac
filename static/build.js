// Builds each Custom UI app under static/<app>/ into static/<app>/build (the path manifest.yml
// names), with esbuild: one bundle per app, plus its public/ files. `--watch` rebuilds on change.
const esbuild = require('esbuild');
const fs = require('node:fs');
const path = require('node:path');

const apps = ['agent-inbox', 'portal-widget'];

async function build(app, watch) {
  const root = path.join(__dirname, app);
  const out = path.join(root, 'build');
  fs.rmSync(out, { recursive: true, force: true });
  fs.cpSync(path.join(root, 'public'), out, { recursive: true });
  const entry = ['index.tsx', 'index.ts'].map((f) => path.join(root, 'src', f)).find((f) => fs.existsSync(f));
  const options = {
    entryPoints: [entry],
    outfile: path.join(out, 'main.js'),
    bundle: true,
    minify: true,
    sourcemap: false,
    target: ['es2020'],
    format: 'iife',
    jsx: 'automatic',
    define: { 'process.env.NODE_ENV': '"production"' },
    logLevel: 'warning'
  };
  if (watch) {
    const context = await esbuild.context(options);
    await context.watch();
  } else {
    await esbuild.build(options);
  }
}

const watch = process.argv.includes('--watch');
Promise.all(apps.map((app) => build(app, watch))).catch((error) => {
  console.error(error);
  process.exit(1);
});
