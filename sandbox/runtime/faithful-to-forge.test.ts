import { supportDesk, type Answer, type ChatWorld } from '../../src/app/routing/testing/chat-world';
import { Sandbox } from './sandbox';

/**
 * The identity items of "Faithful to Forge": what the platform sends a resolver and an action
 * about the caller and the license, and what a real site would do to the app with it. Each test
 * runs the unmodified app under the strict sandbox (the first also checks the shape itself).
 */
const UNLICENSED = {
  accountId: 'user-uma',
  displayName: 'Uma Patel',
  emailAddress: 'uma@example.com',
  accountType: 'atlassian' as const,
  licensed: false,
  active: true,
  timeZone: 'UTC'
};

const code = (answer: Answer) => (answer.error as { code?: string } | undefined)?.code ?? 'ok';

describe('Faithful to Forge: who calls', () => {
  let world: ChatWorld;
  afterEach(() => world?.close());

  it('Anonymous visitors: the resolver context names customers, unlicensed users and anonymous visitors as Forge does', async () => {
    const seen: { call: Record<string, unknown>; runtime: Record<string, unknown> }[] = [];
    const probe = (payload: { context: Record<string, unknown> }, runtime: Record<string, unknown>) => {
      seen.push({ call: payload.context, runtime });
      return {};
    };
    const sandbox = new Sandbox({ appExports: { resolver: probe } });
    try {
      sandbox.jira.addUser(UNLICENSED);
      for (const as of ['customer-dana', UNLICENSED.accountId, null, 'agent-ana']) {
        await sandbox.invoke({ operation: 'widget.status', payload: {}, as, projectKey: 'SUP' });
      }
      expect(seen.map(({ call }) => [call.accountId, call.accountType])).toEqual([
        ['customer-dana', 'customer'],
        ['user-uma', 'unlicensed'],
        ['unidentified', 'anonymous'],
        ['agent-ana', 'licensed']
      ]);
      // @forge/resolver takes accountId from the runtime's principal: 'unidentified' too, never missing.
      expect(seen.map(({ runtime }) => (runtime.principal as { accountId: string }).accountId)).toEqual([
        'customer-dana',
        'user-uma',
        'unidentified',
        'agent-ana'
      ]);
    } finally {
      sandbox.close();
    }
  });

  it('Anonymous visitors: no anonymous visitor is an account: not raised on behalf of, not looked up, not one flood bucket for the site', async () => {
    world = await supportDesk(['agent-ana']);
    await world.setUpHr();
    world.sandbox.meter.reset();
    const started = await world.start('SUP', null);
    const jiraCalls = Object.keys(world.sandbox.meter.snapshot().byScopeDetail['resolver chat.start'] ?? {}).filter((key) =>
      key.startsWith('jira.requests')
    );
    expect(jiraCalls.filter((key) => key.includes('/user'))).toEqual([]);
    const issue = world.sandbox.jira.getIssue(started.workItemKey);
    expect(issue?.fields.reporter).toBe(world.sandbox.jira.appAccountId);
    await world.ok('offer.accept', { conversationId: started.conversationId }, 'agent-ana');
    const seenByAgent = await world.ok('conversation.get', { conversationId: started.conversationId }, 'agent-ana');
    expect(seenByAgent.customerName).toBe('Anonymous visitor');
    // Anonymous visitors share their space's 20 starts, not one account's 5 across the site.
    for (let i = 0; i < 19; i += 1)
      expect(code(await world.call('chat.start', { projectKey: 'SUP', summary: 'Help' }, null, 'SUP'))).toBe('ok');
    expect(code(await world.call('chat.start', { projectKey: 'SUP', summary: 'Help' }, null, 'SUP'))).toBe('rate_limited');
    expect(code(await world.call('chat.start', { projectKey: 'HR', summary: 'Help' }, null, 'HR'))).toBe('ok');
    expect(code(await world.call('chat.start', { projectKey: 'SUP', summary: 'Help' }, 'customer-dana', 'SUP'))).toBe('ok');
  });

  it('Anonymous visitors: customers and unlicensed users keep their own account', async () => {
    world = await supportDesk(['agent-ana']);
    world.sandbox.jira.addUser(UNLICENSED);
    world.sandbox.jira.setProjectRole('SUP', 'Service Desk Customers', [
      ...(world.sandbox.jira.project('SUP')?.roles['Service Desk Customers'] ?? []),
      UNLICENSED.accountId
    ]);
    const uma = await world.start('SUP', UNLICENSED.accountId);
    expect(world.sandbox.jira.getIssue(uma.workItemKey)?.fields.reporter).toBe('user-uma');
    const dana = await world.start('SUP', 'customer-dana');
    expect(world.sandbox.jira.getIssue(dana.workItemKey)?.fields.reporter).toBe('customer-dana');
  });

  it('License (R31): Forge’s current shape, `active` and never `isActive`, reaches resolvers, actions and the function runtime', async () => {
    const licenses: unknown[] = [];
    const record = (_payload: unknown, runtime: { license?: unknown }) => {
      licenses.push(runtime.license);
      return {};
    };
    const sandbox = new Sandbox({ appExports: { resolver: record, escalateToHuman: record }, license: { active: false } });
    try {
      await sandbox.invoke({ operation: 'widget.status', payload: {}, as: null, projectKey: 'SUP' });
      await sandbox.action('escalate-to-human', {}, 'customer-eli');
      expect(licenses).toHaveLength(2);
      for (const license of licenses) {
        expect(license).toMatchObject({ active: false });
        expect(license).not.toHaveProperty('isActive');
      }
    } finally {
      sandbox.close();
    }
  });

  it('License (R31): the context carries `active` only, and an inactive license stops every new chat: widget, assistant and Rovo action', async () => {
    world = await supportDesk(['agent-ana']);
    world.sandbox.license = { active: false };
    expect(await world.ok('widget.status', {}, null, 'SUP')).toEqual({ visible: false, projectKey: 'SUP' });
    expect(await world.fails('chat.start', { summary: 'Help' }, 'customer-dana', 'SUP')).toMatchObject({
      code: 'unavailable',
      message: expect.stringContaining('license')
    });
    expect(await world.fails('assistant.reply', { transcript: [{ from: 'customer', text: 'My VPN drops' }] }, null, 'SUP')).toMatchObject({
      code: 'unavailable'
    });
    const action = (await world.sandbox.action(
      'escalate-to-human',
      { projectKey: 'SUP', summary: 'VPN', conversation: 'User: a person please' },
      'customer-eli'
    )) as Answer;
    expect(code(action)).toBe('unavailable');
    expect(((await world.ok('site.settings.get', {}, 'admin')) as { licenseActive: boolean }).licenseActive).toBe(false);
    expect(world.sandbox.jira.listIssues()).toHaveLength(0);
  });

  it('chat.start takes projectKey from the payload: on one portal no chat or work item starts in another space', async () => {
    world = await supportDesk(['agent-ana']);
    await world.setUpHr();
    await world.goOnline('agent-hana');
    const refused = await world.fails('chat.start', { projectKey: 'HR', summary: 'Payroll' }, 'customer-dana', 'SUP');
    expect(refused).toMatchObject({
      code: 'forbidden',
      message: expect.stringContaining('serves SUP'),
      fields: { projectKey: expect.any(String) }
    });
    expect(
      await world.fails('assistant.reply', { projectKey: 'HR', transcript: [{ from: 'customer', text: 'Pay?' }] }, null, 'SUP')
    ).toMatchObject({ code: 'forbidden' });
    // Without a portal in the context the payload alone proves nothing.
    expect(await world.fails('chat.start', { projectKey: 'SUP', summary: 'Help' }, 'customer-dana')).toMatchObject({ code: 'forbidden' });
    expect(world.sandbox.jira.listIssues()).toHaveLength(0);
    expect((await world.me('agent-hana')).offers).toEqual([]);
  });

  it('rovoConversationId comes from the model: two users with the same id get two chats, and neither gets the other’s secret', async () => {
    world = await supportDesk(['agent-ana', 'agent-ben']);
    const escalation = {
      projectKey: 'SUP',
      summary: 'VPN keeps dropping',
      conversation: 'User: a person please',
      rovoConversationId: 'conv-1'
    };
    const eli = (await world.sandbox.action('escalate-to-human', escalation, 'customer-eli')) as Answer;
    const dana = (await world.sandbox.action('escalate-to-human', escalation, 'customer-dana')) as Answer;
    expect(dana.conversationId).not.toBe(eli.conversationId);
    expect(dana.workItemKey).not.toBe(eli.workItemKey);
    expect(JSON.stringify(dana)).not.toMatch(/liveChatToken/);
    // The same user asking again still finds their own chat (R25).
    expect(((await world.sandbox.action('escalate-to-human', escalation, 'customer-eli')) as Answer).conversationId).toBe(
      eli.conversationId
    );
  });

  it('assistant.reply for anonymous visitors spends the installation’s LLM quota: a flood is rate_limited per space, and others are still answered', async () => {
    world = await supportDesk(['agent-ana']);
    await world.setUpHr();
    const ask = (as: string | null, projectKey = 'SUP') =>
      world.call(
        'assistant.reply',
        { projectKey, transcript: [{ from: 'customer', text: 'How do I reset my password?' }] },
        as,
        projectKey
      );
    const codes: string[] = [];
    for (let i = 0; i < 40; i += 1) codes.push(code(await ask(null)));
    expect(codes.filter((c) => c === 'ok')).toHaveLength(30);
    expect(codes.slice(30).every((c) => c === 'rate_limited')).toBe(true);
    expect(
      await world.fails('assistant.reply', { projectKey: 'SUP', transcript: [{ from: 'customer', text: 'Hello?' }] }, null, 'SUP')
    ).toMatchObject({ code: 'rate_limited', message: expect.stringMatching(/try again in \d+ seconds?/) });
    // The installation's 100 a minute are not spent: a customer and another space's visitors are answered.
    expect(code(await ask('customer-dana'))).toBe('ok');
    expect(code(await ask(null, 'HR'))).toBe('ok');
    expect(world.sandbox.meter.snapshot()['llm.calls'] ?? 0).toBeLessThan(100);
  });

  it('The Rovo chat link: no secret in the link; the signed-in customer finds the running chat on the portal, nobody else does', async () => {
    world = await supportDesk(['agent-ana']);
    const answer = (await world.sandbox.action(
      'escalate-to-human',
      { projectKey: 'SUP', summary: 'VPN', conversation: 'User: a person please' },
      'customer-eli'
    )) as Answer;
    expect(answer.chatUrl).toBe('https://live-chat-sandbox.atlassian.net/servicedesk/customer/portal/2/SUP-1');
    expect(answer.message).toContain(answer.chatUrl as string);
    const resumed = (await world.ok('chat.resume', {}, 'customer-eli', 'SUP')) as {
      chat: { conversationId: string; token: string; workItemKey: string } | null;
    };
    expect(resumed.chat).toMatchObject({ conversationId: answer.conversationId, workItemKey: answer.workItemKey });
    const view = await world.chat(resumed.chat as { conversationId: string; token: string });
    expect(view.status).toBe('offered');
    expect(await world.ok('chat.resume', {}, 'customer-dana', 'SUP')).toEqual({ chat: null });
    expect(await world.ok('chat.resume', {}, null, 'SUP')).toEqual({ chat: null });
  });
});
