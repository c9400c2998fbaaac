import { publishGlobal, signRealtimeToken } from '@forge/realtime';
import { SANDBOX_INSTALLATION_ID } from '../runtime/forge-seam';
import { realtimeHarness } from './realtime-test-harness';

// Token-scoped channels: signRealtimeToken claims, permissions and expiry on the sandbox clock.
const widget = { moduleKey: 'chat-widget', extension: { portal: { id: 1 } } };

async function signed(
  h: ReturnType<typeof realtimeHarness>,
  channel: string,
  claims: unknown,
  permissions?: ['subscribe' | 'publish', ...Array<'subscribe' | 'publish'>]
) {
  const result = await h.onPage(widget, () => signRealtimeToken(channel, claims, permissions));
  expect(result.errors).toBeUndefined();
  return result.token as string;
}

describe('token channels', () => {
  it('signs a JWT the SDK can read, expiring an hour later on the sandbox clock', async () => {
    const h = realtimeHarness();
    const result = await h.onPage(widget, () => signRealtimeToken('conversation:c1', { conversationId: 'c1' }));
    expect(result).toEqual({
      token: expect.stringMatching(/^[\w-]+\.[\w-]+\.[\w-]+$/),
      expiresAt: new Date(h.clock.now() + 3600_000).toISOString()
    });
    const payload = JSON.parse(Buffer.from((result.token as string).split('.')[1], 'base64url').toString());
    expect(payload).toMatchObject({
      channel: { name: 'conversation:c1' },
      claims: { conversationId: 'c1' },
      exp: (h.clock.now() + 3600_000) / 1000
    });
  });

  it('delivers only to subscribers holding a valid token with the same claims', async () => {
    const h = realtimeHarness();
    const token = await signed(h, 'conversation:c1', { conversationId: 'c1' });
    const holder = h.listen({ channel: 'conversation:c1', isGlobal: true, token });
    const otherClaims = h.listen({
      channel: 'conversation:c1',
      isGlobal: true,
      token: await signed(h, 'conversation:c1', { conversationId: 'c2' })
    });
    const publisherToken = await signed(h, 'conversation:c1', { conversationId: 'c1' }, ['publish']);
    await h.asConsumer(() => publishGlobal('conversation:c1', { text: 'hello' }, { token: publisherToken }));
    expect(holder).toEqual([{ text: 'hello' }]);
    expect(otherClaims).toEqual([]);
  });

  it('once the app signs tokens for a channel, a subscriber or a publisher without one is refused, and each refusal is counted', async () => {
    const h = realtimeHarness();
    const early = h.listen({ channel: 'conversation:c1', isGlobal: true }); // before any token: the name's tokenless channel
    const token = await signed(h, 'conversation:c1', { conversationId: 'c1' }, ['subscribe']);
    expect(() => h.listen({ channel: 'conversation:c1', isGlobal: true })).toThrow(
      expect.objectContaining({ code: 'TOKEN_REQUIRED', status: 401 })
    );
    const tokenless = await h.asConsumer(() => publishGlobal('conversation:c1', { text: 'spoofed' }));
    expect(tokenless.errors).toEqual([
      { message: 'Realtime token validation failed: TOKEN_REQUIRED', extensions: { errorType: 'TOKEN_REQUIRED', statusCode: 403 } }
    ]);
    expect(() => h.listen({ channel: 'conversation:c1', isGlobal: true, token: 'a.b.c' })).toThrow(
      expect.objectContaining({ code: 'INVALID_TOKEN' })
    );
    expect(early).toEqual([]);
    expect(h.meter.snapshot().byDetail).toMatchObject({
      'realtime.refused subscribe TOKEN_REQUIRED conversation:c1': 1,
      'realtime.refused publish TOKEN_REQUIRED conversation:c1': 1,
      'realtime.refused subscribe INVALID_TOKEN conversation:c1': 1
    });
    expect(h.meter.snapshot()['realtime.refused']).toBe(3);
    expect(() => h.listen({ channel: 'conversation:c1', isGlobal: true, token })).not.toThrow();
    expect(h.meter.snapshot()['realtime.refused']).toBe(3);
  });

  it('counts each signed token as a realtime operation, within the 50 a second', async () => {
    const h = realtimeHarness();
    await signed(h, 'conversation:c1', { conversationId: 'c1' });
    expect(h.meter.snapshot()['realtime.signs']).toBe(1);
    for (let i = 0; i < 49; i++) await h.asConsumer(() => publishGlobal('other', {}));
    expect((await h.onPage(widget, () => signRealtimeToken('conversation:c2', { c: 2 }))).errors).toEqual([
      { message: 'RATE_LIMIT_EXCEEDED', status: 429 }
    ]);
  });

  it('a page publishes through the platform: a subscribe-only token, or none, cannot publish on a token channel', async () => {
    const h = realtimeHarness();
    const subscribeOnly = await signed(h, 'conversation:c1', { conversationId: 'c1' }, ['subscribe']);
    const customer = h.listen({ channel: 'conversation:c1', isGlobal: true, token: subscribeOnly });
    const page = { moduleKey: 'chat-widget', extension: {} };
    expect(
      await h.realtime.publishFromPage(page, {
        channel: 'conversation:c1',
        payload: { text: 'forged' },
        isGlobal: true,
        token: subscribeOnly
      })
    ).toEqual({
      eventId: null,
      eventTimestamp: null,
      errors: ['Realtime token validation failed: MISSING_PERMISSION']
    });
    expect(await h.realtime.publishFromPage(page, { channel: 'conversation:c1', payload: 'forged', isGlobal: true })).toMatchObject({
      errors: ['Realtime token validation failed: TOKEN_REQUIRED']
    });
    expect(customer).toEqual([]);
    expect(h.meter.snapshot()['realtime.refused']).toBe(2);
    const publisher = await signed(h, 'conversation:c1', { conversationId: 'c1' }, ['publish']);
    expect(
      await h.realtime.publishFromPage(page, { channel: 'conversation:c1', payload: { text: 'ok' }, isGlobal: true, token: publisher })
    ).toEqual({ eventId: expect.any(String), eventTimestamp: expect.any(String) });
    expect(customer).toEqual([{ text: 'ok' }]);
  });

  it('a live subscription ends when its token expires: the next event ends it with TOKEN_EXPIRED instead of arriving', async () => {
    const h = realtimeHarness();
    const subscribeToken = await signed(h, 'conversation:c1', { conversationId: 'c1' }, ['subscribe']);
    await h.clock.advance(30 * 60_000);
    const publishToken = await signed(h, 'conversation:c1', { conversationId: 'c1' }, ['publish']);
    const received: unknown[] = [];
    const ended: string[] = [];
    h.realtime.subscribe(
      { channel: 'conversation:c1', isGlobal: true, token: subscribeToken },
      (e) => received.push(JSON.parse(e.payload)),
      (error) => ended.push(error.code)
    );
    await h.asConsumer(() => publishGlobal('conversation:c1', { n: 1 }, { token: publishToken }));
    await h.clock.advance(30 * 60_000);
    await h.asConsumer(() => publishGlobal('conversation:c1', { n: 2 }, { token: publishToken }));
    expect(received).toEqual([{ n: 1 }]);
    expect(ended).toEqual(['TOKEN_EXPIRED']);
    expect(h.realtime.subscriptions()).toEqual([]);
    expect(h.meter.snapshot().byDetail['realtime.refused subscribe TOKEN_EXPIRED conversation:c1']).toBe(1);
  });

  it('refuses an expired token, to subscribers and to publishers', async () => {
    const h = realtimeHarness();
    const token = await signed(h, 'conversation:c1', { conversationId: 'c1' });
    await h.clock.advance(3600_000 - 1);
    expect(() => h.listen({ channel: 'conversation:c1', isGlobal: true, token })).not.toThrow();
    await h.clock.advance(1);
    expect(() => h.listen({ channel: 'conversation:c1', isGlobal: true, token })).toThrow(
      expect.objectContaining({ code: 'TOKEN_EXPIRED' })
    );
    const result = await h.asConsumer(() => publishGlobal('conversation:c1', {}, { token }));
    expect(result.errors).toEqual([{ message: 'Realtime token validation failed: TOKEN_EXPIRED' }]);
  });

  it('refuses a token for another channel, a missing permission and a forged token', async () => {
    const h = realtimeHarness();
    const other = await signed(h, 'conversation:c2', { conversationId: 'c2' });
    expect(() => h.listen({ channel: 'conversation:c1', isGlobal: true, token: other })).toThrow(
      expect.objectContaining({ code: 'CHANNEL_NAME_MISMATCH' })
    );
    const publishOnly = await signed(h, 'conversation:c1', { conversationId: 'c1' }, ['publish']);
    expect(() => h.listen({ channel: 'conversation:c1', isGlobal: true, token: publishOnly })).toThrow(
      expect.objectContaining({ code: 'MISSING_PERMISSION' })
    );
    const [header, , signature] = publishOnly.split('.');
    const forgedBody = Buffer.from(
      JSON.stringify({ channel: { name: 'conversation:c1' }, claims: { conversationId: 'c1' }, exp: 9e9 })
    ).toString('base64url');
    expect(() => h.listen({ channel: 'conversation:c1', isGlobal: true, token: `${header}.${forgedBody}.${signature}` })).toThrow(
      expect.objectContaining({ code: 'INVALID_TOKEN' })
    );
  });

  it('checks the publish permission on the platform too, not only in the SDK', async () => {
    const h = realtimeHarness();
    const subscribeOnly = await signed(h, 'conversation:c1', { conversationId: 'c1' }, ['subscribe']);
    // The SDK refuses this before sending; an app calling the platform directly meets the same check.
    const response = await h.realtime.handle({
      target: { type: 'realtime' },
      path: '/',
      method: 'POST',
      headers: {},
      body: JSON.stringify({
        query: 'mutation publishRealtimeChannel { ... }',
        variables: { installationId: SANDBOX_INSTALLATION_ID, name: 'conversation:c1', payload: '{}', isGlobal: true, token: subscribeOnly }
      }),
      invocation: undefined
    });
    expect(await response.json()).toEqual({
      errors: [
        {
          message: 'Realtime token validation failed: MISSING_PERMISSION',
          extensions: { errorType: 'MISSING_PERMISSION', statusCode: 403 }
        }
      ]
    });
  });

  it('requires claims to sign a token', async () => {
    const h = realtimeHarness();
    const result = await h.onPage(widget, () => signRealtimeToken('conversation:c1', null));
    expect(result).toMatchObject({ token: null, expiresAt: null, errors: [{ message: 'Claims are required.' }] });
  });
});
