import { SECOND, supportDesk, type ChatWorld } from '../routing/testing/chat-world';
import { deliverSpaceCreated } from '../spaces/testing/space-events';
import { ASSISTANT_REPLY_LIMITS } from './assistant-reply-limit';

/**
 * assistant.reply spends the installation's Forge LLMs quota (100 requests a minute): each
 * signed-in visitor may ask 10 a minute; anonymous visitors 30 a minute per space and 60 a
 * minute across the site together. Beyond that, `rate_limited`, and the model is not asked.
 */
describe('the widget’s AI within its share of the LLM quota', () => {
  let world: ChatWorld;
  afterEach(() => world.close());

  const ask = (as: string | null, projectKey = 'SUP') =>
    world.call('assistant.reply', { transcript: [{ from: 'customer', text: 'How do I reset my password?' }] }, as, projectKey);
  const llmCalls = () => world.sandbox.meter.snapshot()['llm.calls'] ?? 0;
  const code = (answer: Record<string, unknown>) => (answer.error as { code?: string } | undefined)?.code ?? 'ok';

  it('assistant.reply: a signed-in visitor gets 10 answers a minute, the 11th is rate_limited without asking the model; others are not held back', async () => {
    world = await supportDesk([]);
    expect(ASSISTANT_REPLY_LIMITS.account).toEqual({ places: 10, windowMs: 60 * SECOND });
    for (let i = 0; i < 10; i += 1) expect(code(await ask('customer-dana'))).toBe('ok');
    const calls = llmCalls();
    expect(await world.fails('assistant.reply', { transcript: [{ from: 'customer', text: 'Hi' }] }, 'customer-dana', 'SUP')).toMatchObject({
      code: 'rate_limited',
      message: expect.stringContaining('try again in')
    });
    expect(llmCalls()).toBe(calls);
    expect(code(await ask('customer-eli'))).toBe('ok');
    expect(code(await ask(null))).toBe('ok');
    await world.advance(60 * SECOND);
    expect(code(await ask('customer-dana'))).toBe('ok');
  });

  it('assistant.reply: anonymous visitors share 30 a minute per space and 60 across the site, so signed-in customers keep the rest of the installation’s 100', async () => {
    world = await supportDesk([]);
    await world.setUpHr();
    world.sandbox.jira.createProject({ key: 'IT', name: 'IT help', lead: 'admin-sup', admins: ['admin-sup'] });
    await deliverSpaceCreated(world.sandbox, 'IT');
    await world.ok('space.setup', { projectKey: 'IT' }, 'admin-sup', 'IT');
    expect(ASSISTANT_REPLY_LIMITS.anonymousPerSpace.places).toBe(30);
    expect(ASSISTANT_REPLY_LIMITS.anonymousPerSite.places).toBe(60);
    const answered = async (projectKey: string, times: number) => {
      let ok = 0;
      for (let i = 0; i < times; i += 1) if (code(await ask(null, projectKey)) === 'ok') ok += 1;
      return ok;
    };
    expect(await answered('SUP', 35)).toBe(30);
    expect(await answered('HR', 35)).toBe(30);
    // The site's anonymous share is spent: a third space's visitors wait, a customer is still answered.
    expect(await answered('IT', 5)).toBe(0);
    expect(code(await ask('customer-dana', 'SUP'))).toBe('ok');
    expect(llmCalls()).toBe(61);
  });
});
