import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import * as esbuild from 'esbuild';
import type { ServerOptions } from '../../server/server';
import { fixtureAppExports } from '../fixtures/fixture-app';

/**
 * Server options that put the fixture pages in place of the app's: the fixture Custom UI page
 * (built here, as static/build.js builds the app's) serves the inbox and the portal widget, the
 * fixture UI Kit page serves the Jira admin page, and the fixture resolver answers them.
 */
const FIXTURES = path.resolve(__dirname, '..', 'fixtures');

export async function fixtureServerOptions(): Promise<Partial<ServerOptions>> {
  const out = fs.mkdtempSync(path.join(os.tmpdir(), 'host-fixture-'));
  for (const file of ['index.html', 'fixture.css']) fs.copyFileSync(path.join(FIXTURES, 'custom-ui', file), path.join(out, file));
  await esbuild.build({
    entryPoints: [path.join(FIXTURES, 'custom-ui', 'src', 'index.ts')],
    outfile: path.join(out, 'main.js'),
    bundle: true,
    format: 'iife',
    target: ['es2020'],
    external: ['iframe-resizer'],
    logLevel: 'silent'
  });
  return {
    appExports: fixtureAppExports,
    resourceOverrides: { 'agent-inbox': out, 'portal-widget': out, 'site-admin': path.join(FIXTURES, 'ui-kit', 'index.tsx') }
  };
}
