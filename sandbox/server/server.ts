import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { createPageHost, type PageHost } from '../host/page-host';
import { Sandbox, type Fixture, type SandboxOptions } from '../runtime/sandbox';
import { ClockDriver } from './clock-driver';
import { HttpError, readText, sendJson } from './http-json';
import { handleScriptingApi, type SandboxHolder } from './scripting-api';
import { SitePersistence } from './site-persistence';
import { serveStartPage } from './start-page';

/**
 * The sandbox server behind `npm start` (and the HTTP tests): the scripting API under /api,
 * the fake Jira's REST API under /jira (as the account in X-Sandbox-User), realtime
 * subscriptions under /realtime/subscribe, and the pages.
 */
export interface ServerOptions {
  port: number;
  /** Where the SQLite file lives; undefined = in memory (tests). */
  dataDir?: string;
  /** Follow the wall clock (npm start) or move only when told (tests). */
  realTime: boolean;
  /** The app's entry module; defaults to src/index.ts (tests of the page host use a fixture resolver). */
  appExports?: Record<string, unknown>;
  /** Resource key → path: serve a fixture page in place of the app's resource (tests). */
  resourceOverrides?: Record<string, string>;
}

export interface RunningServer {
  url: string;
  holder: SandboxHolder;
  pages: PageHost;
  close(): Promise<void>;
}

export async function startServer(options: ServerOptions): Promise<RunningServer> {
  const sqlitePath = options.dataDir ? path.join(options.dataDir, 'kvs.sqlite') : undefined;
  if (options.dataDir) fs.mkdirSync(options.dataDir, { recursive: true });
  const persistence = options.dataDir ? new SitePersistence(options.dataDir) : undefined;
  const make = (fixture: Fixture, restore?: { startAt: number; jiraSnapshot?: SandboxOptions['jiraSnapshot'] }): Sandbox => {
    const opts: SandboxOptions = {
      fixture,
      ...restore,
      storage: sqlitePath ? { sqlitePath } : 'memory',
      ...(options.appExports ? { appExports: options.appExports } : {})
    };
    return new Sandbox(opts);
  };
  // A restart of npm start picks up where it stopped: the app's KVS (SQLite), the fake site and the time.
  const saved = persistence?.load();
  if (!saved && sqlitePath) fs.rmSync(sqlitePath, { force: true });
  let current = saved ? make('demo', { startAt: saved.now, jiraSnapshot: saved.jira }) : make('demo');
  // The demo is set up through the app's operations; a fixture app (page host tests) has none.
  const seed = options.appExports ? async () => undefined : () => current.seedDemo();
  if (!saved) await seed();
  const driver = new ClockDriver(current.clock);
  const holder: SandboxHolder = {
    get sandbox() {
      return current;
    },
    async reset(fixture) {
      await driver.settle();
      const now = current.clock.now();
      current.close();
      if (sqlitePath) fs.rmSync(sqlitePath, { force: true });
      persistence?.clear();
      // Time never runs backwards, across resets too: TTLs and timers stay meaningful.
      current = make(fixture, { startAt: now });
      driver.use(current.clock);
      if (fixture === 'demo') await seed();
      persistence?.save(current);
      return current;
    },
    advance: (ms) => driver.advance(ms),
    settle: () => driver.settle()
  };
  const saver = persistence ? setInterval(() => persistence.save(current), 5_000) : undefined;
  saver?.unref();
  if (options.realTime) driver.start();
  const pages = createPageHost({ holder, resourceOverrides: options.resourceOverrides });
  let siteUrl = 'http://localhost';

  const server = http.createServer((req, res) => {
    void route(holder, pages, siteUrl, req, res).catch((error: unknown) => {
      const status = error instanceof HttpError ? error.status : 500;
      const message = error instanceof Error ? error.message : String(error);
      if (!res.headersSent) sendJson(res, status, { error: { code: status === 500 ? 'internal' : 'invalid', message } });
      else res.end();
    });
  });
  await new Promise<void>((resolve) => server.listen(options.port, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : options.port;
  siteUrl = `http://localhost:${port}`;
  // The app's frames come from an origin of their own, as Forge serves them from its CDN.
  await pages.start(siteUrl);
  return {
    url: siteUrl,
    holder,
    pages,
    async close() {
      driver.stop();
      if (saver) clearInterval(saver);
      persistence?.save(current);
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await pages.close();
      current.close();
    }
  };
}

async function route(
  holder: SandboxHolder,
  pages: PageHost,
  siteUrl: string,
  req: http.IncomingMessage,
  res: http.ServerResponse
): Promise<void> {
  const url = new URL(req.url ?? '/', 'http://localhost');
  const path = url.pathname;
  if (path.startsWith('/api/')) {
    if (await handleScriptingApi(holder, req, res, path)) return;
    throw new HttpError(404, `no scripting API route ${req.method} ${path}`);
  }
  if (path.startsWith('/jira/')) {
    const as = req.headers['x-sandbox-user'];
    // The raw text goes to the fake Jira, which answers a malformed body as Jira does.
    const body = req.method === 'GET' || req.method === 'HEAD' ? undefined : await readText(req);
    const reply = await holder.sandbox.jira.handleJiraHttp(
      req.method ?? 'GET',
      path.slice('/jira'.length),
      url.searchParams,
      body,
      typeof as === 'string' ? as : undefined
    );
    res.writeHead(reply.status, { 'content-type': 'application/json; charset=utf-8', ...reply.headers });
    res.end(reply.body === undefined ? '' : JSON.stringify(reply.body));
    return;
  }
  if (path === '/realtime/subscribe') {
    const frame = url.searchParams.get('frame');
    if (frame !== null) {
      // A page host's frame: the user and the module context are the frame session's, whatever the query says.
      const session = pages.sessions.get(frame);
      if (!session) throw new HttpError(403, 'unknown frame: reload the page');
      url.searchParams.delete('frame');
      url.searchParams.set('context', JSON.stringify({ moduleKey: session.moduleKey, extension: session.extension }));
      req.url = `${path}?${url.searchParams.toString()}`;
      holder.sandbox.realtime.handleRealtimeSse(req, res, { accountId: session.accountId });
      return;
    }
    const as = url.searchParams.get('as');
    holder.sandbox.realtime.handleRealtimeSse(req, res, { accountId: as ?? undefined });
    return;
  }
  if (await pages.handle(req, res, url, siteUrl)) return;
  if (path === '/' && req.method === 'GET') {
    await serveStartPage(holder.sandbox, res);
    return;
  }
  throw new HttpError(404, `nothing at ${path}`);
}
