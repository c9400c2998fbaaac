import { ChatWorld, SECOND, supportDesk, type StartedChat } from '../routing/testing/chat-world';

/** R29: every payload is validated; bad input gets a typed error and changes nothing (read afterwards). */
describe('bad input to routing’s operations', () => {
  let world: ChatWorld;
  let chat: StartedChat;

  beforeEach(async () => {
    world = await supportDesk(['agent-ana']);
    chat = await world.start();
    await world.ok('offer.accept', { conversationId: chat.conversationId }, 'agent-ana');
  });
  afterEach(() => world.close());

  const unknown = 'c-00000000-0000-4000-8000-000000000000';
  const long = 'x'.repeat(4_001);

  const cases: [string, string, (c: StartedChat) => unknown, string | null, string][] = [
    ['widget.status', 'a malformed project key', () => ({ projectKey: 'sup' }), null, 'invalid'],
    ['widget.status', 'a project key of the wrong type', () => ({ projectKey: 42 }), null, 'invalid'],
    ['chat.start', 'a payload that is not an object', () => 'SUP', 'customer-dana', 'invalid'],
    ['chat.start', 'a malformed project key', () => ({ projectKey: 'sup; drop' }), 'customer-dana', 'invalid'],
    ['chat.start', 'a space other than the portal’s', () => ({ projectKey: 'NOPE' }), 'customer-dana', 'forbidden'],
    ['chat.start', 'an empty summary', () => ({ projectKey: 'SUP', summary: '   ' }), 'customer-dana', 'invalid'],
    ['chat.start', 'a summary over 255 characters', () => ({ projectKey: 'SUP', summary: 's'.repeat(256) }), 'customer-dana', 'invalid'],
    [
      'chat.start',
      'a transcript turn from someone else',
      () => ({ projectKey: 'SUP', transcript: [{ from: 'agent', text: 'hi' }] }),
      'customer-dana',
      'invalid'
    ],
    ['chat.start', 'a transcript that is not a list', () => ({ projectKey: 'SUP', transcript: 'hello' }), 'customer-dana', 'invalid'],
    ['chat.start', 'an unknown field', () => ({ projectKey: 'SUP', assignee: 'agent-ana' }), 'customer-dana', 'invalid'],
    ['chat.get', 'no token', (c) => ({ conversationId: c.conversationId }), null, 'invalid'],
    ['chat.get', 'a wrong token', (c) => ({ conversationId: c.conversationId, token: 'guess' }), null, 'forbidden'],
    ['chat.get', 'an unknown conversation', (c) => ({ conversationId: unknown, token: c.token }), null, 'not_found'],
    ['chat.get', 'a negative afterSeq', (c) => ({ conversationId: c.conversationId, token: c.token, afterSeq: -1 }), null, 'invalid'],
    ['chat.get', 'a fractional afterSeq', (c) => ({ conversationId: c.conversationId, token: c.token, afterSeq: 1.5 }), null, 'invalid'],
    ['chat.get', 'a conversation id that is no id', (c) => ({ conversationId: '../../etc', token: c.token }), null, 'invalid'],
    ['chat.send', 'text over 4,000 characters', (c) => ({ conversationId: c.conversationId, token: c.token, text: long }), null, 'invalid'],
    ['chat.send', 'empty text', (c) => ({ conversationId: c.conversationId, token: c.token, text: ' \n ' }), null, 'invalid'],
    [
      'chat.send',
      'text that is not text',
      (c) => ({ conversationId: c.conversationId, token: c.token, text: { html: '<b>hi</b>' } }),
      null,
      'invalid'
    ],
    ['chat.send', 'a wrong token', (c) => ({ conversationId: c.conversationId, token: 'guess', text: 'hi' }), null, 'forbidden'],
    ['chat.typing', 'a missing conversation id', (c) => ({ token: c.token }), null, 'invalid'],
    ['chat.end', 'a wrong token', (c) => ({ conversationId: c.conversationId, token: 'guess' }), null, 'forbidden'],
    ['agent.me', 'an unexpected field', () => ({ accountId: 'agent-ben' }), 'agent-ana', 'invalid'],
    ['agent.setStatus', 'an unknown status', () => ({ status: 'sleeping' }), 'agent-ana', 'invalid'],
    ['agent.setStatus', 'no status', () => ({}), 'agent-ana', 'invalid'],
    ['offer.accept', 'an unknown conversation', () => ({ conversationId: unknown }), 'agent-ana', 'not_found'],
    ['offer.accept', 'a conversation id of the wrong type', () => ({ conversationId: 7 }), 'agent-ana', 'invalid'],
    ['offer.decline', 'a chat not offered to the caller', (c) => ({ conversationId: c.conversationId }), 'agent-ana', 'forbidden'],
    ['conversation.get', 'an unknown conversation', () => ({ conversationId: unknown }), 'agent-ana', 'not_found'],
    ['conversation.send', 'text over 4,000 characters', (c) => ({ conversationId: c.conversationId, text: long }), 'agent-ana', 'invalid'],
    ['conversation.send', 'an unknown conversation', () => ({ conversationId: unknown, text: 'hi' }), 'agent-ana', 'not_found'],
    ['conversation.resolve', 'no conversation id', () => ({}), 'agent-ana', 'invalid'],
    [
      'conversation.invite',
      'someone who is not an agent of the space',
      (c) => ({ conversationId: c.conversationId, accountId: 'customer-eli' }),
      'agent-ana',
      'invalid'
    ],
    [
      'conversation.invite',
      'a malformed account id',
      (c) => ({ conversationId: c.conversationId, accountId: '<script>' }),
      'agent-ana',
      'invalid'
    ]
  ];

  it.each(cases)('R29: %s with %s answers a typed error and changes nothing', async (operation, _what, payload, as, code) => {
    const before = world.everything();
    const error = await world.fails(operation, payload(chat), as, 'SUP');
    expect(error.code).toBe(code);
    expect(typeof error.message).toBe('string');
    if (code === 'invalid') expect(Object.keys(error.fields ?? {}).length).toBeGreaterThan(0);
    expect(world.everything()).toBe(before);
  });

  it('R29: a customer may send at most 20 messages in 10 seconds; the 21st is refused and not stored', async () => {
    const send = (text: string) => world.call('chat.send', { conversationId: chat.conversationId, token: chat.token, text }, null);
    const answers = await Promise.all(Array.from({ length: 20 }, (_, i) => send(`message ${i}`)));
    expect(answers.every((a) => typeof a.seq === 'number')).toBe(true);
    expect(new Set(answers.map((a) => a.seq)).size).toBe(20); // concurrent writers never share a seq
    const before = world.everything();
    expect(
      (await world.fails('chat.send', { conversationId: chat.conversationId, token: chat.token, text: 'one too many' }, null)).code
    ).toBe('rate_limited');
    expect(world.everything()).toBe(before);
    await world.advance(10 * SECOND);
    expect(await world.ok('chat.send', { conversationId: chat.conversationId, token: chat.token, text: 'later' }, null)).toEqual({
      seq: 23
    });
  });

  it('R29: the invalid answer names the field', async () => {
    const error = await world.fails('chat.send', { conversationId: chat.conversationId, token: chat.token, text: long }, null);
    expect(error).toMatchObject({
      code: 'invalid',
      message: expect.stringContaining('text'),
      fields: { text: expect.stringContaining('4000') }
    });
  });
});
