import { SUPPORT_TEAM_ID } from '../../../sandbox/jira/demo-site';
import { ChatWorld, MINUTE, supportDesk } from '../routing/testing/chat-world';

const TEAM = ['agent-ana', 'agent-ben', 'agent-chen'];

/** R19 (who hears of a new chat), R22 (when the portal shows the chat), R31 (license). */
describe('the portal widget and new-chat notifications', () => {
  let world: ChatWorld;
  afterEach(() => world.close());

  /** ana Available with the inbox open, ben On a break with it open, chen Available with it closed. */
  async function mixedTeam(settings: Record<string, unknown>): Promise<Record<string, Record<string, unknown>[]>> {
    world = await supportDesk([], settings);
    await world.goOnline('agent-ana');
    await world.goOnline('agent-ben', 'on_break');
    await world.goOnline('agent-chen');
    world.closeInbox('agent-chen');
    await world.advance(3 * MINUTE);
    const pushes: Record<string, Record<string, unknown>[]> = {};
    for (const agentId of TEAM) pushes[agentId] = world.listen((await world.me(agentId)).realtime);
    return pushes;
  }

  // The agent offered the chat is told of it by the offer (the inbox tells them once); the others by a newChat push.
  const toldOfNewChat = (pushes: Record<string, Record<string, unknown>[]>) =>
    TEAM.filter((agentId) => pushes[agentId].some((p) => (p.type === 'notify' && p.reason === 'newChat') || p.type === 'offer'));

  it('R19: with a team and the visibility toggle on, a new chat notifies the team’s Available agents', async () => {
    const pushes = await mixedTeam({ teamId: SUPPORT_TEAM_ID, showOnlyWhenAvailable: true });
    await world.start();
    expect(toldOfNewChat(pushes)).toEqual(['agent-ana', 'agent-chen']);
    // R18: the announcement says a chat exists, not what it is about (only the offered agent sees that).
    expect(pushes['agent-chen']).toContainEqual({
      type: 'notify',
      reason: 'newChat',
      projectKey: 'SUP',
      conversationId: expect.any(String)
    });
    // The offered agent gets the offer alone: one push, not a newChat beside it.
    expect(pushes['agent-ana'].filter((p) => p.type === 'notify' && p.reason === 'newChat')).toEqual([]);
  });

  it('R19: with the toggle off, a new chat notifies every team agent, whatever their status', async () => {
    const pushes = await mixedTeam({ teamId: SUPPORT_TEAM_ID, showOnlyWhenAvailable: false });
    await world.start();
    expect(toldOfNewChat(pushes)).toEqual(TEAM);
  });

  it('R19: without a team, a new chat notifies only agents with the inbox open; a chat missed at once notifies nobody', async () => {
    const pushes = await mixedTeam({ teamId: null });
    await world.start();
    expect(toldOfNewChat(pushes)).toEqual(['agent-ana', 'agent-ben']);
    await world.ok('agent.setStatus', { status: 'away' }, 'agent-ana');
    for (const agentId of TEAM) pushes[agentId].length = 0;
    expect((await world.start()).status).toBe('missed');
    expect(toldOfNewChat(pushes)).toEqual([]);
  });

  it('R22: the portal shows the chat only when live chat is on and set up and, with the toggle on, an agent is reachable', async () => {
    world = new ChatWorld();
    const visible = async (projectKey = 'SUP') =>
      (await world.ok<{ visible: boolean }>('widget.status', { projectKey }, null, projectKey)).visible;
    await world.goOnline('agent-ana');
    expect(await visible()).toBe(false); // not set up
    await world.setUpSupport();
    await world.goOnline('agent-ana');
    expect(await visible()).toBe(true);
    expect(await visible('HR')).toBe(false); // HR: live chat off (existed before the app)
    await world.ok('agent.setStatus', { status: 'on_break' }, 'agent-ana');
    expect(await visible()).toBe(false);
    await world.ok('space.settings.save', { projectKey: 'SUP', showOnlyWhenAvailable: false }, 'admin-sup', 'SUP');
    expect(await visible()).toBe(true);
    await world.ok('space.settings.save', { projectKey: 'SUP', enabled: false }, 'admin-sup', 'SUP');
    expect(await visible()).toBe(false);
    expect(await world.ok('widget.status', { projectKey: 'NOPE' }, null)).toEqual({ visible: false, projectKey: null });
  });

  it('R22: an Available agent whose inbox went quiet for 2 minutes does not count', async () => {
    world = await supportDesk(['agent-ana']);
    expect(await world.ok('widget.status', { projectKey: 'SUP' }, null, 'SUP')).toEqual({ visible: true, projectKey: 'SUP' });
    world.closeInbox('agent-ana');
    await world.advance(2 * MINUTE);
    expect(await world.ok('widget.status', { projectKey: 'SUP' }, null, 'SUP')).toEqual({ visible: false, projectKey: 'SUP' });
  });

  it('R31: with the license inactive no new chat starts and the widget hides; running chats finish', async () => {
    world = await supportDesk(['agent-ana']);
    const running = await world.start();
    await world.ok('offer.accept', { conversationId: running.conversationId }, 'agent-ana');
    world.sandbox.license = { active: false };
    expect(await world.ok('widget.status', { projectKey: 'SUP' }, null, 'SUP')).toEqual({ visible: false, projectKey: 'SUP' });
    expect(await world.fails('chat.start', { projectKey: 'SUP', summary: 'Help' }, 'customer-eli', 'SUP')).toMatchObject({
      code: 'unavailable',
      message: expect.stringContaining('license')
    });
    expect(world.sandbox.jira.listIssues('SUP')).toHaveLength(1);
    await world.ok('chat.send', { conversationId: running.conversationId, token: running.token, text: 'Still there?' }, null);
    await world.ok('conversation.send', { conversationId: running.conversationId, text: 'Yes' }, 'agent-ana');
    expect(await world.ok('conversation.resolve', { conversationId: running.conversationId }, 'agent-ana')).toEqual({ status: 'resolved' });
    world.sandbox.license = { active: true };
    expect(await world.ok('widget.status', { projectKey: 'SUP' }, null, 'SUP')).toEqual({ visible: true, projectKey: 'SUP' });
  });
});
