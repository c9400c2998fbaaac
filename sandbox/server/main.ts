import { spawn } from 'node:child_process';
import path from 'node:path';
import { startServer } from './server';

/**
 * `npm start`: the sandbox server on PORT (default 8787), with its data in .sandbox-data/ so
 * the app's storage survives a restart, following the wall clock. Opens a browser where one can be opened.
 */
async function main(): Promise<void> {
  const port = Number(process.env.PORT ?? 8787);
  const server = await startServer({ port, dataDir: path.resolve(__dirname, '..', '..', '.sandbox-data'), realTime: true });
  console.log(`Live Chat Handoff sandbox running at ${server.url}`);
  openBrowser(server.url);
  const stop = () => void server.close().then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

function openBrowser(url: string): void {
  if (process.env.CI || process.env.SANDBOX_NO_BROWSER) return;
  const command = process.platform === 'darwin' ? 'open' : process.platform === 'win32' ? 'cmd' : 'xdg-open';
  const args = process.platform === 'win32' ? ['/c', 'start', '', url] : [url];
  if (process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) return;
  const child = spawn(command, args, { stdio: 'ignore', detached: true });
  child.on('error', () => undefined);
  child.unref();
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
