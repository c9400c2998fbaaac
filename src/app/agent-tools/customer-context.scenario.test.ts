import { supportDesk, type ChatWorld, type StartedChat } from '../routing/testing/chat-world';

/** CC1–CC3: who the agent is talking to, as Jira shows them to the agent, and where on the portal they started. */
describe('customer context in the chat view', () => {
  let world: ChatWorld;
  afterEach(() => world.close());

  interface Context {
    name: string;
    email: string | null;
    anonymous: boolean;
    otherWorkItems: { key: string; summary: string; status: string }[] | null;
    portalPage: Record<string, string> | null;
  }
  const context = (started: StartedChat, as = 'agent-ana') =>
    world.ok<Context>('conversation.customer', { conversationId: started.conversationId }, as);

  async function accepted(as: string | null, issueKey?: string, summary = 'My laptop will not start'): Promise<StartedChat> {
    const started = (await world.sandbox.invoke({
      operation: 'chat.start',
      payload: { projectKey: 'SUP', summary, transcript: [{ from: 'customer', text: summary }] },
      as,
      projectKey: 'SUP',
      ...(issueKey ? { issueKey } : {})
    })) as StartedChat;
    await world.ok('offer.accept', { conversationId: started.conversationId }, 'agent-ana');
    return started;
  }

  it('CC1, CC2: the customer’s name and email, and their other open work items in the space, newest first', async () => {
    world = await supportDesk(['agent-ana']);
    await world.setMaximum(5);
    const first = await accepted('customer-dana', undefined, 'Printer jams');
    await world.ok('conversation.resolve', { conversationId: first.conversationId }, 'agent-ana');
    const second = await accepted('customer-dana', undefined, 'VPN drops');
    await world.ok('conversation.resolve', { conversationId: second.conversationId }, 'agent-ana');
    const current = await accepted('customer-dana');
    expect(await context(current)).toEqual({
      name: 'Dana Whitfield',
      email: 'dana.whitfield@example.net',
      anonymous: false,
      otherWorkItems: [
        { key: second.workItemKey, summary: 'VPN drops', status: expect.any(String) },
        { key: first.workItemKey, summary: 'Printer jams', status: expect.any(String) }
      ],
      portalPage: { kind: 'portal' }
    });
  });

  it('CC1: a customer whose profile hides the email shows none (Jira answers the agent without it)', async () => {
    world = await supportDesk(['agent-ana']);
    const started = await accepted('customer-eli');
    expect(await context(started)).toMatchObject({ name: 'Eli Novak', email: null, otherWorkItems: [] });
    // Jira shows the address to Eli himself, and to nobody else.
    const asEli = await world.sandbox.jira.handleJiraHttp('GET', '/rest/api/3/myself', {}, undefined, 'customer-eli');
    expect(asEli.body).toMatchObject({ emailAddress: 'eli.novak@example.org' });
    const asAna = await world.sandbox.jira.handleJiraHttp('GET', '/rest/api/3/user', { accountId: 'customer-eli' }, undefined, 'agent-ana');
    expect(asAna.body).not.toHaveProperty('emailAddress');
  });

  it('CC1: an anonymous visitor has no profile to show and no work items', async () => {
    world = await supportDesk(['agent-ana']);
    const started = await accepted(null);
    expect(await context(started)).toEqual({
      name: 'Anonymous visitor',
      email: null,
      anonymous: true,
      otherWorkItems: [],
      portalPage: { kind: 'portal' }
    });
  });

  it('CC3: the portal page the chat started on is kept: a request page names its work item', async () => {
    world = await supportDesk(['agent-ana']);
    const earlier = await accepted('customer-dana');
    await world.ok('conversation.resolve', { conversationId: earlier.conversationId }, 'agent-ana');
    const started = await accepted('customer-dana', earlier.workItemKey);
    expect((await context(started)).portalPage).toEqual({ kind: 'request', workItemKey: earlier.workItemKey });
  });

  it('CC2: Jira busy leaves the work items out (null) and the rest is shown', async () => {
    world = await supportDesk(['agent-ana']);
    const started = await accepted('customer-dana');
    world.sandbox.faults.set([{ target: 'jira', kind: 'http5xx', match: 'POST /rest/api/3/search/jql', times: 1 }]);
    expect(await context(started)).toMatchObject({ name: 'Dana Whitfield', email: 'dana.whitfield@example.net', otherWorkItems: null });
  });

  it('CC1: only the chat’s assignee and participants see it (R18)', async () => {
    world = await supportDesk(['agent-ana', 'agent-ben']);
    const started = await accepted('customer-dana');
    expect(await world.fails('conversation.customer', { conversationId: started.conversationId }, 'agent-ben')).toMatchObject({
      code: 'forbidden'
    });
    expect(await world.fails('conversation.customer', { conversationId: started.conversationId }, 'customer-dana')).toMatchObject({
      code: 'forbidden'
    });
  });
});
