import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { publishGlobal, signRealtimeToken } from '@forge/realtime';
import { realtimeHarness, type RealtimeHarness } from './realtime-test-harness';

// The browser side: Server-Sent Events on a loopback server, as the sandbox server mounts them.
let server: Server;
let base: string;
let h: RealtimeHarness;
let closed: Promise<void>;

beforeEach(async () => {
  h = realtimeHarness();
  let markClosed: () => void = () => undefined;
  closed = new Promise((resolve) => (markClosed = resolve));
  server = createServer((req: IncomingMessage, res) => {
    req.on('close', () => markClosed());
    h.realtime.handleRealtimeSse(req, res, { accountId: 'agent-1' });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/realtime/subscribe`;
});

afterEach(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

/** Reads the stream until `count` complete SSE events have arrived. */
async function readEvents(response: Response, count: number): Promise<Array<{ event: string; data: string }>> {
  const reader = (response.body as ReadableStream<Uint8Array>).getReader();
  const decoder = new TextDecoder();
  let buffer = '';
  const events: Array<{ event: string; data: string }> = [];
  while (events.length < count) {
    const { value, done } = await reader.read();
    if (done) break;
    buffer += decoder.decode(value, { stream: true });
    let end: number;
    while ((end = buffer.indexOf('\n\n')) !== -1) {
      const block = buffer.slice(0, end);
      buffer = buffer.slice(end + 2);
      const field = (name: string) =>
        block
          .split('\n')
          .find((l) => l.startsWith(`${name}: `))
          ?.slice(name.length + 2) ?? '';
      events.push({ event: field('event'), data: field('data') });
    }
  }
  reader.releaseLock();
  return events;
}

describe('handleRealtimeSse', () => {
  it('streams the events of a token channel to a browser and unsubscribes when it leaves', async () => {
    const { token } = await h.onPage({ moduleKey: 'chat-widget', extension: {} }, () => signRealtimeToken('conversation:c1', { c: 1 }));
    const abort = new AbortController();
    const response = await fetch(`${base}?channel=conversation:c1&global=true&token=${token}`, { signal: abort.signal });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/event-stream');
    expect(await readEvents(response, 1)).toEqual([{ event: 'subscribed', data: '{}' }]);
    expect(h.realtime.subscriptions()).toEqual([{ channel: 'conversation:c1', isGlobal: true, withToken: true, accountId: 'agent-1' }]);

    await h.asConsumer(() => publishGlobal('conversation:c1', { text: 'hi' }, { token }));
    const [message] = await readEvents(response, 1);
    expect(message.event).toBe('message');
    expect(JSON.parse(message.data)).toEqual({
      channel: 'conversation:c1',
      eventId: expect.any(String),
      eventTimestamp: expect.any(String),
      payload: '{"text":"hi"}'
    });

    abort.abort();
    await closed;
    expect(h.realtime.subscriptions()).toEqual([]);
  });

  it('ends the stream with an error event once its token has expired', async () => {
    const { token } = await h.onPage({ moduleKey: 'chat-widget', extension: {} }, () =>
      signRealtimeToken('conversation:c1', { c: 1 }, ['subscribe'])
    );
    const response = await fetch(`${base}?channel=conversation:c1&global=true&token=${token}`);
    expect(await readEvents(response, 1)).toEqual([{ event: 'subscribed', data: '{}' }]);
    await h.clock.advance(3600_000);
    const { token: publisher } = await h.onPage({ moduleKey: 'chat-widget', extension: {} }, () =>
      signRealtimeToken('conversation:c1', { c: 1 }, ['publish'])
    );
    await h.asConsumer(() => publishGlobal('conversation:c1', { text: 'late' }, { token: publisher }));
    expect(await readEvents(response, 1)).toEqual([
      { event: 'error', data: JSON.stringify({ code: 'TOKEN_EXPIRED', message: 'Realtime token validation failed: TOKEN_EXPIRED' }) }
    ]);
    await closed;
    expect(h.realtime.subscriptions()).toEqual([]);
  });

  it('replays the last seconds of a channel when asked', async () => {
    await h.asConsumer(() => publishGlobal('agents', { n: 1 }));
    await h.clock.advance(5_000);
    await h.asConsumer(() => publishGlobal('agents', { n: 2 }));
    const abort = new AbortController();
    const response = await fetch(`${base}?channel=agents&global=true&replay=3`, { signal: abort.signal });
    const events = await readEvents(response, 2);
    expect(events.map((e) => e.event)).toEqual(['subscribed', 'message']);
    expect(JSON.parse(events[1].data).payload).toBe('{"n":2}');
    abort.abort();
  });

  it('refuses a bad token with its code instead of a stream', async () => {
    const response = await fetch(`${base}?channel=conversation:c1&global=true&token=not.a.token`);
    expect(response.status).toBe(401);
    expect(await response.json()).toEqual({ code: 'INVALID_TOKEN', message: 'Realtime token validation failed: INVALID_TOKEN' });
  });

  it('needs the page context for a channel that is not global', async () => {
    const missing = await fetch(`${base}?channel=chat`);
    expect(missing.status).toBe(400);
    const context = encodeURIComponent(JSON.stringify({ moduleKey: 'chat-panel', extension: { issue: { id: '1' } } }));
    const abort = new AbortController();
    const ok = await fetch(`${base}?channel=chat&context=${context}`, { signal: abort.signal });
    expect(ok.status).toBe(200);
    abort.abort();
  });
});
