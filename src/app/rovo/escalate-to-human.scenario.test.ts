import { SUPPORT_TEAM_ID } from '../../../sandbox/jira/demo-site';
import { ChatWorld } from '../routing/testing/chat-world';
import { deliverSpaceCreated } from '../spaces/testing/space-events';

/** R25: the Rovo agent's `escalate-to-human` action, as Rovo calls it for its user. */
interface Escalated {
  message: string;
  conversationId: string;
  workItemKey: string;
  chatUrl?: string;
}

const escalation = {
  projectKey: 'SUP',
  summary: 'VPN keeps dropping',
  conversation: 'User: my VPN keeps dropping\nRovo: Have you restarted the client?\nUser: yes, I want to talk to a person',
  rovoConversationId: 'rovo-conv-1'
};

async function supportWithTeam(agents: readonly string[]): Promise<ChatWorld> {
  const world = new ChatWorld();
  await deliverSpaceCreated(world.sandbox, 'SUP');
  await world.setUpSupport({ teamId: SUPPORT_TEAM_ID });
  for (const agentId of agents) await world.goOnline(agentId);
  return world;
}

describe('R25: the escalate-to-human action', () => {
  let world: ChatWorld;
  afterEach(() => world.close());

  const act = (payload: Record<string, unknown>, as: string | null = 'customer-eli') =>
    world.sandbox.action('escalate-to-human', payload, as);

  it('R25: starts a chat for the space and answers with the help portal, where the chat is, and the work item', async () => {
    world = await supportWithTeam(['agent-ana']);
    const answer = (await act(escalation)) as Escalated;
    expect(answer.workItemKey).toBe('SUP-1');
    // A portal frame cannot read its page's address: the link is the portal, and carries no secret (R24).
    expect(answer.chatUrl).toBe('https://live-chat-sandbox.atlassian.net/servicedesk/customer/portal/2/SUP-1');
    expect(answer.message).toContain(answer.chatUrl as string);
    expect(answer.message).toContain('SUP-1');
    expect(await world.offeredTo(answer.conversationId, ['agent-ana'])).toBe('agent-ana');
    const issue = world.sandbox.jira.getIssue('SUP-1');
    expect(issue?.fields).toMatchObject({ summary: 'VPN keeps dropping', reporter: 'customer-eli' });
    expect(JSON.stringify(issue?.fields.description)).toContain('my VPN keeps dropping');
    expect(JSON.stringify(issue?.fields.description)).toContain('Have you restarted the client?');
  });

  it('R25: the same Rovo conversation gets the same chat, however often the action runs', async () => {
    world = await supportWithTeam(['agent-ana']);
    const first = (await act(escalation)) as Escalated;
    const again = (await act(escalation)) as Escalated;
    expect(again).toMatchObject({ conversationId: first.conversationId, workItemKey: first.workItemKey, chatUrl: first.chatUrl });
    const other = (await act({ ...escalation, rovoConversationId: 'rovo-conv-2' })) as Escalated;
    expect(other.conversationId).not.toBe(first.conversationId);
    expect(world.sandbox.jira.listIssues('SUP')).toHaveLength(2);
  });

  it('rovoConversationId comes from the model: the same id from two Rovo users opens two chats, each reached only by its own user', async () => {
    world = await supportWithTeam(['agent-ana', 'agent-ben']);
    const eli = (await act(escalation, 'customer-eli')) as Escalated;
    const dana = (await act(escalation, 'customer-dana')) as Escalated;
    expect(new Set([eli.conversationId, dana.conversationId]).size).toBe(2);
    expect(
      world.sandbox.jira
        .listIssues('SUP')
        .map((issue) => issue.fields.reporter)
        .sort()
    ).toEqual(['customer-dana', 'customer-eli']);
    const resume = async (as: string) =>
      ((await world.ok('chat.resume', {}, as, 'SUP')) as { chat: { conversationId: string; token: string } | null }).chat;
    const [eliChat, danaChat] = [await resume('customer-eli'), await resume('customer-dana')];
    expect(eliChat?.conversationId).toBe(eli.conversationId);
    expect(danaChat?.conversationId).toBe(dana.conversationId);
    expect(danaChat?.token).not.toBe(eliChat?.token);
    // Dana's secret opens Dana's chat only.
    expect((await world.fails('chat.get', { conversationId: eli.conversationId, token: danaChat?.token }, null)).code).toBe('forbidden');
  });

  it('The Rovo chat link: the customer goes to the portal and the widget takes them into the running chat; once it ends there is nothing to resume', async () => {
    world = await supportWithTeam(['agent-ana']);
    const answer = (await act(escalation, 'customer-eli')) as Escalated;
    const { chat } = (await world.ok('chat.resume', {}, 'customer-eli', 'SUP')) as {
      chat: { conversationId: string; token: string; workItemKey: string };
    };
    expect(chat).toMatchObject({ conversationId: answer.conversationId, workItemKey: 'SUP-1' });
    await world.ok('offer.accept', { conversationId: chat.conversationId }, 'agent-ana');
    await world.ok('conversation.send', { conversationId: chat.conversationId, text: 'Hi Eli, Ana here.' }, 'agent-ana');
    expect((await world.chat(chat)).messages.map((m) => m.text)).toContain('Hi Eli, Ana here.');
    await world.ok('chat.send', { conversationId: chat.conversationId, token: chat.token, text: 'Thanks, found you.' }, 'customer-eli');
    await world.ok('conversation.resolve', { conversationId: chat.conversationId }, 'agent-ana');
    expect(await world.ok('chat.resume', {}, 'customer-eli', 'SUP')).toEqual({ chat: null });
    // Another space's portal does not offer it either.
    expect(await world.ok('chat.resume', {}, 'customer-eli', 'HR')).toEqual({ chat: null });
  });

  it('R25: with no agent available the answer is the fallback message with the work item key, and no link', async () => {
    world = await supportWithTeam([]);
    const answer = (await act(escalation)) as Escalated;
    expect(answer.message).toBe('All our agents are busy right now. We have logged your request as SUP-1 and will follow up there.');
    expect(answer.chatUrl).toBeUndefined();
    await world.settle();
    expect(world.sandbox.jira.getIssue('SUP-1')?.fields.labels).toEqual(['live-chat', 'live-chat-missed']);
  });

  it('R25: refuses clearly where live chat is off or not set up, and for spaces that do not exist', async () => {
    world = new ChatWorld();
    const off = (await act({ ...escalation, projectKey: 'HR' })) as { error: { code: string; message: string } };
    expect(off.error.code).toBe('unavailable');
    expect(off.error.message).toMatch(/turned off|not set up/);
    expect(off.error.message).toContain('help portal');
    expect(((await act({ ...escalation, projectKey: 'NOPE' })) as { error: { code: string } }).error.code).toBe('not_found');
    expect(world.sandbox.jira.listIssues()).toHaveLength(0);
  });

  it.each([
    ['no project key', { ...escalation, projectKey: undefined }, 'projectKey'],
    ['a lower-case project key', { ...escalation, projectKey: 'sup' }, 'projectKey'],
    ['an empty summary', { ...escalation, summary: '  ' }, 'summary'],
    ['a conversation that is not text', { ...escalation, conversation: ['User: hi'] }, 'conversation'],
    ['an empty Rovo conversation id', { ...escalation, rovoConversationId: '' }, 'rovoConversationId'],
    ['a Rovo conversation id of 201 characters', { ...escalation, rovoConversationId: 'r'.repeat(201) }, 'rovoConversationId']
  ])('R25: %s gets a typed error naming the field, and nothing starts', async (_case, payload, field) => {
    world = await supportWithTeam(['agent-ana']);
    const answer = (await act(payload as Record<string, unknown>)) as {
      error: { code: string; message: string; fields: Record<string, string> };
    };
    expect(answer.error.code).toBe('invalid');
    expect(Object.keys(answer.error.fields)).toEqual([field]);
    expect(world.sandbox.jira.listIssues()).toHaveLength(0);
    expect((await world.me('agent-ana')).offers).toEqual([]);
  });

  it('R28: the customer is the Rovo user the platform names; without one the work item is the app’s', async () => {
    world = await supportWithTeam(['agent-ana']);
    await act({ ...escalation, customerAccountId: 'customer-dana' }, 'customer-eli');
    await act({ ...escalation, rovoConversationId: 'anon' }, null);
    expect(world.sandbox.jira.getIssue('SUP-1')?.fields.reporter).toBe('customer-eli');
    expect(world.sandbox.jira.getIssue('SUP-2')?.fields.reporter).toBe(world.sandbox.jira.appAccountId);
  });
});
