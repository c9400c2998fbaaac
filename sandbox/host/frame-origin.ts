import http from 'node:http';
import { HttpError } from '../server/http-json';

/**
 * The app's frame origin: Forge serves Custom UI (and UI Kit's runtime frame) from its CDN
 * (*.cdn.prod.atlassian-dev.net), never from the product's site, so an app frame is a
 * cross-origin, cross-site document that cannot touch the product page (its DOM, its title,
 * its permissions). The sandbox plays that CDN with a second listener on another host name
 * and port (127.0.0.1 against the product's localhost): it serves the frames' documents and
 * nothing else, and the product's origin no longer serves them.
 */
export interface FrameOrigin {
  /** e.g. http://127.0.0.1:41234 */
  readonly url: string;
  close(): Promise<void>;
}

export type FrameRequestHandler = (req: http.IncomingMessage, res: http.ServerResponse, url: URL) => Promise<void>;

export async function startFrameOrigin(handle: FrameRequestHandler): Promise<FrameOrigin> {
  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://frame-origin.invalid');
    void Promise.resolve()
      .then(() => {
        if (req.method !== 'GET' && req.method !== 'HEAD') throw new HttpError(405, 'the frame origin serves files only');
        return handle(req, res, url);
      })
      .catch((error: unknown) => {
        const status = error instanceof HttpError ? error.status : 500;
        if (!res.headersSent) res.writeHead(status, { 'content-type': 'text/plain; charset=utf-8' });
        res.end(error instanceof Error ? error.message : String(error));
      });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    url: `http://127.0.0.1:${port}`,
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  };
}
