import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { Sandbox, type Fixture, type SandboxOptions } from '../runtime/sandbox';
import { ClockDriver } from './clock-driver';
import { HttpError, readText, sendJson } from './http-json';
import { handleScriptingApi, type SandboxHolder } from './scripting-api';
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
}

export interface RunningServer {
  url: string;
  holder: SandboxHolder;
  close(): Promise<void>;
}

export async function startServer(options: ServerOptions): Promise<RunningServer> {
  const sqlitePath = options.dataDir ? path.join(options.dataDir, 'kvs.sqlite') : undefined;
  if (options.dataDir) fs.mkdirSync(options.dataDir, { recursive: true });
  const make = (fixture: Fixture, startAt?: number): Sandbox => {
    const opts: SandboxOptions = { fixture, startAt, storage: sqlitePath ? { sqlitePath } : 'memory' };
    return new Sandbox(opts);
  };
  let current = make('demo');
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
      // Time never runs backwards, across resets too: TTLs and timers stay meaningful.
      current = make(fixture, now);
      driver.use(current.clock);
      return current;
    },
    advance: (ms) => driver.advance(ms),
    settle: () => driver.settle()
  };
  if (options.realTime) driver.start();

  const server = http.createServer((req, res) => {
    void route(holder, req, res).catch((error: unknown) => {
      const status = error instanceof HttpError ? error.status : 500;
      const message = error instanceof Error ? error.message : String(error);
      if (!res.headersSent) sendJson(res, status, { error: { code: status === 500 ? 'internal' : 'invalid', message } });
      else res.end();
    });
  });
  await new Promise<void>((resolve) => server.listen(options.port, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : options.port;
  return {
    url: `http://localhost:${port}`,
    holder,
    async close() {
      driver.stop();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      current.close();
    }
  };
}

async function route(holder: SandboxHolder, req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
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
    const reply = await holder.sandbox.jira.handleJiraHttp(req.method ?? 'GET', path.slice('/jira'.length), url.searchParams, body, typeof as === 'string' ? as : undefined);
    res.writeHead(reply.status, { 'content-type': 'application/json; charset=utf-8', ...reply.headers });
    res.end(reply.body === undefined ? '' : JSON.stringify(reply.body));
    return;
  }
  if (path === '/realtime/subscribe') {
    const as = url.searchParams.get('as');
    holder.sandbox.realtime.handleRealtimeSse(req, res, { accountId: as ?? undefined });
    return;
  }
  if (path === '/' && req.method === 'GET') {
    serveStartPage(holder.sandbox, res);
    return;
  }
  throw new HttpError(404, `nothing at ${path}`);
}
