import { MINUTE, SECOND, supportDesk, type ChatWorld } from '../routing/testing/chat-world';
import { AGENT_ASSIST_LIMITS } from './agent-assist-limit';

/** AI1–AI3: the agent's AI assist, through Forge LLMs as the widget's assistant, within its share of the quota. */
describe('AI assist for the agent', () => {
  let world: ChatWorld;
  afterEach(() => world.close());

  const llmCalls = () => world.sandbox.meter.snapshot()['llm.calls'] ?? 0;

  async function chatWith(agentId: string, customerText: string) {
    const started = await world.start('SUP', 'customer-dana');
    await world.ok('offer.accept', { conversationId: started.conversationId }, agentId);
    await world.ok('chat.send', { conversationId: started.conversationId, token: started.token, text: customerText }, null);
    return started;
  }

  it('AI1: a suggested reply is returned to the agent, never sent: the customer sees nothing until the agent sends', async () => {
    world = await supportDesk(['agent-ana']);
    const started = await chatWith('agent-ana', 'My VPN will not connect from home.');
    const before = (await world.chat(started)).messages.length;
    const { text } = await world.ok<{ text: string }>('conversation.suggestReply', { conversationId: started.conversationId }, 'agent-ana');
    expect(text).toContain('VPN');
    expect(llmCalls()).toBe(1);
    expect((await world.chat(started)).messages).toHaveLength(before);
    // The agent edits the draft and sends it: that, and only that, reaches the customer.
    const edited = `${text} I can also check your account now.`;
    await world.ok('conversation.send', { conversationId: started.conversationId, text: edited }, 'agent-ana');
    const messages = (await world.chat(started)).messages;
    expect(messages[messages.length - 1]).toMatchObject({ from: 'agent', text: edited });
  });

  it('AI2: a summary of the chat so far, for the agent who accepted it', async () => {
    world = await supportDesk(['agent-ana']);
    const started = await chatWith('agent-ana', 'The laptop shows a black screen after the update.');
    const { summary } = await world.ok<{ summary: string }>(
      'conversation.summary',
      { conversationId: started.conversationId },
      'agent-ana'
    );
    expect(summary).toMatch(/laptop/i);
    expect(world.sandbox.meter.snapshot().byDetail['llm.calls claude-haiku-4-5-20251001']).toBe(1);
  });

  it('AI1, AI2: only the chat’s assignee and participants may ask (R18); nothing is asked of the model otherwise', async () => {
    world = await supportDesk(['agent-ana', 'agent-ben']);
    const started = await chatWith('agent-ana', 'Hello');
    for (const operation of ['conversation.suggestReply', 'conversation.summary']) {
      expect(await world.fails(operation, { conversationId: started.conversationId }, 'agent-ben')).toMatchObject({ code: 'forbidden' });
      expect(await world.fails(operation, { conversationId: started.conversationId }, 'customer-dana')).toMatchObject({
        code: 'forbidden'
      });
      expect(await world.fails(operation, { conversationId: 'c-nope' }, 'agent-ana')).toMatchObject({ code: 'not_found' });
      expect(await world.fails(operation, { conversationId: '' }, 'agent-ana')).toMatchObject({ code: 'invalid' });
    }
    expect(llmCalls()).toBe(0);
  });

  it('AI3: 20 a minute per agent, the 21st is rate_limited without asking the model; a minute later it works again', async () => {
    world = await supportDesk(['agent-ana', 'agent-ben']);
    expect(AGENT_ASSIST_LIMITS.agent).toEqual({ places: 20, windowMs: MINUTE });
    const started = await chatWith('agent-ana', 'My password expired.');
    const ask = () => world.call('conversation.suggestReply', { conversationId: started.conversationId }, 'agent-ana');
    for (let i = 0; i < 20; i++) expect(await ask()).not.toHaveProperty('error');
    expect(llmCalls()).toBe(20);
    expect(await ask()).toMatchObject({ error: { code: 'rate_limited', message: expect.stringContaining('Try again in') } });
    expect(llmCalls()).toBe(20);
    await world.advance(60 * SECOND);
    expect(await ask()).not.toHaveProperty('error');
  });

  it('AI3: all agents together take at most 30 a minute, so the widget’s customers keep the rest of the 100', async () => {
    world = await supportDesk(['agent-ana', 'agent-ben']);
    await world.setMaximum(20);
    expect(AGENT_ASSIST_LIMITS.allAgents.places).toBe(30);
    const chats = [];
    for (const n of [1, 2]) {
      const started = await world.start('SUP', world.customer(n));
      const offered = (await world.offeredTo(started.conversationId, ['agent-ana', 'agent-ben']))!;
      await world.ok('offer.accept', { conversationId: started.conversationId }, offered);
      await world.ok('chat.send', { conversationId: started.conversationId, token: started.token, text: 'VPN please' }, null);
      chats.push({ started, agentId: offered });
    }
    let answered = 0;
    for (let i = 0; i < 40; i++) {
      const { started, agentId } = chats[i % 2];
      if (!('error' in (await world.call('conversation.suggestReply', { conversationId: started.conversationId }, agentId)))) answered++;
    }
    expect(answered).toBe(30);
    expect(
      await world.call('assistant.reply', { transcript: [{ from: 'customer', text: 'VPN?' }] }, 'customer-eli', 'SUP')
    ).not.toHaveProperty('error');
  });

  it('AI1: the model unavailable or busy is a clear error, and the chat goes on', async () => {
    world = await supportDesk(['agent-ana']);
    const started = await chatWith('agent-ana', 'VPN is down');
    world.sandbox.faults.set([{ target: 'llm', kind: 'http5xx', times: 1 }]);
    expect(await world.fails('conversation.suggestReply', { conversationId: started.conversationId }, 'agent-ana')).toMatchObject({
      code: 'unavailable',
      message: expect.stringContaining('unavailable')
    });
    world.sandbox.faults.set([{ target: 'llm', kind: 'http429', times: 1 }]);
    expect(await world.fails('conversation.summary', { conversationId: started.conversationId }, 'agent-ana')).toMatchObject({
      code: 'rate_limited'
    });
    await world.ok('conversation.send', { conversationId: started.conversationId, text: 'Let me look.' }, 'agent-ana');
  });

  it('AI1: before the customer has written anything there is nothing to suggest from', async () => {
    world = await supportDesk(['agent-ana']);
    const started = await world.start('SUP', 'customer-dana', { transcript: [] });
    await world.ok('offer.accept', { conversationId: started.conversationId }, 'agent-ana');
    expect(await world.fails('conversation.suggestReply', { conversationId: started.conversationId }, 'agent-ana')).toMatchObject({
      code: 'invalid'
    });
    expect(llmCalls()).toBe(0);
  });
});
