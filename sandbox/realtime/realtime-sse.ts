import type { IncomingMessage, ServerResponse } from 'node:http';
import type { RealtimeListener } from './channel-hub';
import type { RealtimeContext } from './channel-scope';
import { RealtimeError } from './realtime-error';
import type { SubscribeRequest } from './realtime-service';

/**
 * The browser's side of `realtime.subscribe` / `subscribeGlobal` in the sandbox: the lead's
 * bridge host opens `GET /realtime/subscribe?channel=NAME&global=true|false&context=JSON
 * &overrides=project,issue&token=JWT&replay=SECONDS` and turns each `message` event back into
 * the bridge callback. `context` is the page's `{ moduleKey, extension }`; on Forge it comes
 * from the signed context token, here the sandbox trusts the page host that sends it.
 * A refusal is an HTTP error with `{ code, message }` instead of a stream; a subscription that
 * ends (its token expired) sends an `error` event with `{ code, message }` and closes.
 */
export interface SseIdentity {
  /** The signed-in user of the page, if any (anonymous portal customers have none). */
  accountId?: string;
}

type Subscribe = (request: SubscribeRequest, listener: RealtimeListener, onEnd: (error: RealtimeError) => void) => () => void;

export function handleSse(subscribe: Subscribe, req: IncomingMessage, res: ServerResponse, identity: SseIdentity): void {
  if (req.method !== 'GET') {
    refuse(res, new RealtimeError('BAD_REQUEST', 'Subscribe with GET.'), { allow: 'GET' });
    return;
  }
  // Replayed events arrive while subscribing, before the stream is open: hold them until it is.
  let held: string[] | undefined = [];
  const send = (chunk: string) => (held ? held.push(chunk) : res.write(chunk));
  let unsubscribe: () => void;
  try {
    const request = parseQuery(new URL(req.url ?? '/', 'http://sandbox.invalid').searchParams, identity);
    unsubscribe = subscribe(
      request,
      (event) => send(`id: ${event.eventId}\nevent: message\ndata: ${JSON.stringify(event)}\n\n`),
      (error) => {
        send(`event: error\ndata: ${JSON.stringify({ code: error.code, message: error.message })}\n\n`);
        res.end();
      }
    );
  } catch (error) {
    refuse(res, error instanceof RealtimeError ? error : new RealtimeError('BAD_REQUEST', String(error)));
    return;
  }
  res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache', connection: 'keep-alive' });
  // Tells the page its subscription is live, so it can resolve the bridge's subscribe promise.
  res.write('event: subscribed\ndata: {}\n\n');
  for (const chunk of held) res.write(chunk);
  held = undefined;
  req.on('close', () => unsubscribe());
}

function parseQuery(query: URLSearchParams, identity: SseIdentity): SubscribeRequest {
  const channel = query.get('channel') ?? '';
  const request: SubscribeRequest = { channel, isGlobal: query.get('global') === 'true' };
  const context = query.get('context');
  if (context) request.context = parseContext(context);
  const overrides = query.get('overrides');
  if (overrides) request.contextOverrides = overrides.split(',').filter(Boolean);
  const token = query.get('token');
  if (token) request.token = token;
  const replay = Number(query.get('replay') ?? '');
  if (Number.isFinite(replay) && replay > 0) request.replaySeconds = replay;
  if (identity.accountId) request.accountId = identity.accountId;
  return request;
}

function parseContext(raw: string): RealtimeContext {
  try {
    const value = JSON.parse(raw) as Partial<RealtimeContext>;
    if (typeof value.moduleKey === 'string' && typeof value.extension === 'object' && value.extension !== null) {
      return { moduleKey: value.moduleKey, extension: value.extension };
    }
  } catch {
    // fall through to the refusal below
  }
  throw new RealtimeError('INVALID_CONTEXT', 'context must be JSON of { moduleKey, extension }.');
}

function refuse(res: ServerResponse, error: RealtimeError, headers: Record<string, string> = {}): void {
  res.writeHead(error.status, { 'content-type': 'application/json', ...headers });
  res.end(JSON.stringify({ code: error.code, message: error.message }));
}
