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

  const act = (payload: Record<string, unknown>, as: string | null = 'customer-eli') => world.sandbox.action('escalate-to-human', payload, as);

  it('R25: starts a chat for the space and answers with the live chat link and the work item', async () => {
    world = await supportWithTeam(['agent-ana']);
    const answer = (await act(escalation)) as Escalated;
    expect(answer.workItemKey).toBe('SUP-1');
    expect(answer.chatUrl).toMatch(/^https:\/\/live-chat-sandbox\.atlassian\.net\/servicedesk\/customer\/portal\/2\?liveChat=c-[\w-]+#liveChatToken=.+$/);
    expect(answer.chatUrl).toContain(encodeURIComponent(answer.conversationId));
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
    const answer = (await act(payload as Record<string, unknown>)) as { error: { code: string; message: string; fields: Record<string, string> } };
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
