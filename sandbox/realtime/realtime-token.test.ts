import { publishGlobal, signRealtimeToken } from '@forge/realtime';
import { SANDBOX_INSTALLATION_ID } from '../runtime/forge-seam';
import { realtimeHarness } from './realtime-test-harness';

// Token-scoped channels: signRealtimeToken claims, permissions and expiry on the sandbox clock.
const widget = { moduleKey: 'chat-widget', extension: { portal: { id: 1 } } };

async function signed(h: ReturnType<typeof realtimeHarness>, channel: string, claims: unknown, permissions?: ['subscribe' | 'publish', ...Array<'subscribe' | 'publish'>]) {
  const result = await h.onPage(widget, () => signRealtimeToken(channel, claims, permissions));
  expect(result.errors).toBeUndefined();
  return result.token as string;
}

describe('token channels', () => {
  it('signs a JWT the SDK can read, expiring an hour later on the sandbox clock', async () => {
    const h = realtimeHarness();
    const result = await h.onPage(widget, () => signRealtimeToken('conversation:c1', { conversationId: 'c1' }));
    expect(result).toEqual({ token: expect.stringMatching(/^[\w-]+\.[\w-]+\.[\w-]+$/), expiresAt: new Date(h.clock.now() + 3600_000).toISOString() });
    const payload = JSON.parse(Buffer.from((result.token as string).split('.')[1], 'base64url').toString());
    expect(payload).toMatchObject({ channel: { name: 'conversation:c1' }, claims: { conversationId: 'c1' }, exp: (h.clock.now() + 3600_000) / 1000 });
  });

  it('delivers only to subscribers holding a valid token with the same claims', async () => {
    const h = realtimeHarness();
    const token = await signed(h, 'conversation:c1', { conversationId: 'c1' });
    const holder = h.listen({ channel: 'conversation:c1', isGlobal: true, token });
    const noToken = h.listen({ channel: 'conversation:c1', isGlobal: true });
    const otherClaims = h.listen({ channel: 'conversation:c1', isGlobal: true, token: await signed(h, 'conversation:c1', { conversationId: 'c2' }) });
    const publisherToken = await signed(h, 'conversation:c1', { conversationId: 'c1' }, ['publish']);
    await h.asConsumer(() => publishGlobal('conversation:c1', { text: 'hello' }, { token: publisherToken }));
    expect(holder).toEqual([{ text: 'hello' }]);
    expect(noToken).toEqual([]);
    expect(otherClaims).toEqual([]);
  });

  it('refuses an expired token, to subscribers and to publishers', async () => {
    const h = realtimeHarness();
    const token = await signed(h, 'conversation:c1', { conversationId: 'c1' });
    await h.clock.advance(3600_000 - 1);
    expect(() => h.listen({ channel: 'conversation:c1', isGlobal: true, token })).not.toThrow();
    await h.clock.advance(1);
    expect(() => h.listen({ channel: 'conversation:c1', isGlobal: true, token })).toThrow(expect.objectContaining({ code: 'TOKEN_EXPIRED' }));
    const result = await h.asConsumer(() => publishGlobal('conversation:c1', {}, { token }));
    expect(result.errors).toEqual([{ message: 'Realtime token validation failed: TOKEN_EXPIRED' }]);
  });

  it('refuses a token for another channel, a missing permission and a forged token', async () => {
    const h = realtimeHarness();
    const other = await signed(h, 'conversation:c2', { conversationId: 'c2' });
    expect(() => h.listen({ channel: 'conversation:c1', isGlobal: true, token: other })).toThrow(expect.objectContaining({ code: 'CHANNEL_NAME_MISMATCH' }));
    const publishOnly = await signed(h, 'conversation:c1', { conversationId: 'c1' }, ['publish']);
    expect(() => h.listen({ channel: 'conversation:c1', isGlobal: true, token: publishOnly })).toThrow(expect.objectContaining({ code: 'MISSING_PERMISSION' }));
    const [header, , signature] = publishOnly.split('.');
    const forgedBody = Buffer.from(JSON.stringify({ channel: { name: 'conversation:c1' }, claims: { conversationId: 'c1' }, exp: 9e9 })).toString('base64url');
    expect(() => h.listen({ channel: 'conversation:c1', isGlobal: true, token: `${header}.${forgedBody}.${signature}` })).toThrow(expect.objectContaining({ code: 'INVALID_TOKEN' }));
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
      errors: [{ message: 'Realtime token validation failed: MISSING_PERMISSION', extensions: { errorType: 'MISSING_PERMISSION', statusCode: 403 } }]
    });
  });

  it('requires claims to sign a token', async () => {
    const h = realtimeHarness();
    const result = await h.onPage(widget, () => signRealtimeToken('conversation:c1', null));
    expect(result).toMatchObject({ token: null, expiresAt: null, errors: [{ message: 'Claims are required.' }] });
  });
});
