import { extraStaff, SUPPORT_TEAM_ID } from '../../../sandbox/jira/demo-site';
import { ChatWorld, MINUTE, SECOND, supportDesk } from './testing/chat-world';
import { rosterEntries } from './testing/routing-invariants';

/** R1–R4 and R9's reason, through the inbox's operations on the sandbox. */
describe('agents and availability', () => {
  let world: ChatWorld;
  afterEach(() => world.close());

  it('R1: only Available agents receive offers', async () => {
    world = await supportDesk([]);
    await world.goOnline('agent-ana', 'on_break');
    await world.goOnline('agent-ben', 'heads_down');
    await world.goOnline('agent-chen');
    const chat = await world.start();
    expect(await world.offeredTo(chat.conversationId, ['agent-ana', 'agent-ben', 'agent-chen'])).toBe('agent-chen');
  });

  it('R1: Heads-down and On a break keep their running chats but get no new ones; the status is one for the whole site', async () => {
    world = await supportDesk(['agent-ana']);
    const first = await world.start();
    await world.ok('offer.accept', { conversationId: first.conversationId }, 'agent-ana');
    expect(await world.ok('agent.setStatus', { status: 'heads_down' }, 'agent-ana')).toEqual({ status: 'heads_down' });
    const second = await world.start();
    const me = await world.me('agent-ana');
    expect(me).toMatchObject({ status: 'heads_down', load: 1, offers: [] });
    expect(me.conversations.map((c) => c.conversationId)).toEqual([first.conversationId]);
    expect((await world.chat(second)).status).toBe('missed'); // R10: nobody Available
    await world.setUpHr();
    expect((await world.me('agent-ben')).status).toBe('offline');
    await world.goOnline('agent-ben');
    await world.ok('agent.setStatus', { status: 'on_break' }, 'agent-ben');
    expect((await world.me('agent-ben')).status).toBe('on_break');
  });

  it('R1: leaving Available withdraws a pending offer, which goes to another agent', async () => {
    world = await supportDesk(['agent-ana', 'agent-ben']);
    const chat = await world.start();
    const first = await world.offeredTo(chat.conversationId, ['agent-ana', 'agent-ben']);
    const other = first === 'agent-ana' ? 'agent-ben' : 'agent-ana';
    await world.ok('agent.setStatus', { status: 'away' }, first as string);
    expect(await world.offeredTo(chat.conversationId, ['agent-ana', 'agent-ben'])).toBe(other);
    expect((await world.me(first as string)).load).toBe(0);
  });

  it('R2: an agent whose inbox sent no heartbeat for 2 minutes gets no offer, whatever their status', async () => {
    world = await supportDesk(['agent-ana', 'agent-ben']);
    world.closeInbox('agent-ana');
    await world.advance(2 * MINUTE);
    const chat = await world.start();
    expect(await world.offeredTo(chat.conversationId, ['agent-ana', 'agent-ben'])).toBe('agent-ben');
    expect((await world.me('agent-ana')).status).toBe('available');
  });

  it('R2: heartbeats are written at most once a minute, beside the routing record, never moving its version', async () => {
    world = await supportDesk(['agent-ana']);
    const entry = () => rosterEntries(world).find((e) => e.key === 'agent-ana')?.value;
    const routingVersion = () => entry()?.version;
    const presenceWritten = () => entry()?.lastHeartbeatAt;
    const before = routingVersion();
    const writes = new Set<number | undefined>([presenceWritten()]);
    for (let beat = 0; beat < 20; beat++) {
      await world.advance(30 * SECOND); // the inbox beats every 30 s
      writes.add(presenceWritten());
    }
    expect(writes.size - 1).toBe(10); // 20 heartbeats, 10 writes
    expect(routingVersion()).toBe(before);
    const chat = await world.start();
    expect(await world.offeredTo(chat.conversationId, ['agent-ana'])).toBe('agent-ana');
  });

  it('R2: an Available agent whose inbox comes back takes the chat waiting for them', async () => {
    world = await supportDesk(['agent-ana', 'agent-ben'], { timeToAssignMinutes: 30 });
    await world.setMaximum(1);
    const busy = await world.start();
    await world.ok(
      'offer.accept',
      { conversationId: busy.conversationId },
      (await world.offeredTo(busy.conversationId, ['agent-ana', 'agent-ben'])) as string
    );
    const free = (await world.me('agent-ana')).load === 0 ? 'agent-ana' : 'agent-ben';
    world.closeInbox(free);
    await world.advance(3 * MINUTE);
    world.online.add('agent-ana');
    world.online.add('agent-ben');
    const other = free === 'agent-ana' ? 'agent-ben' : 'agent-ana';
    const waiting = await world.start();
    expect(await world.chat(waiting)).toMatchObject({ status: 'waiting', queuePosition: 1 });
    await world.ok('agent.heartbeat', {}, free);
    expect(await world.offeredTo(waiting.conversationId, [free, other])).toBe(free);
  });

  it('R3: with a team set, the agents of a space are its members; without, the holders of the agent permission', async () => {
    world = await supportDesk(['agent-ana', 'agent-ben', 'agent-chen']);
    await world.setUpHr();
    const hr = await world.start('HR');
    expect(await world.offeredTo(hr.conversationId, ['agent-ana', 'agent-chen', 'agent-ben'])).toBe('agent-ben'); // HR's agents: hana (offline) and ben
    await world.ok('chat.end', { conversationId: hr.conversationId, token: hr.token }, null);
    world.sandbox.jira.addTeam({ id: 'team-night', displayName: 'Night shift', members: ['agent-ben'] });
    await world.ok('space.settings.save', { projectKey: 'SUP', teamId: 'team-night' }, 'admin-sup', 'SUP');
    for (let i = 0; i < 3; i++) {
      const chat = await world.start();
      expect(await world.offeredTo(chat.conversationId, ['agent-ana', 'agent-ben', 'agent-chen'])).toBe('agent-ben');
    }
  });

  it('R4: in a team of more than 100 members agents cannot change their availability, and the widget does not wait for one', async () => {
    world = await supportDesk(['agent-ana']);
    await world.ok('space.settings.save', { projectKey: 'SUP', showOnlyWhenAvailable: true }, 'admin-sup', 'SUP');
    const crowd = Array.from({ length: 100 }, (_, i) => `agent-x${i}`);
    for (const id of crowd) world.sandbox.jira.addUser(extraStaff(id));
    world.sandbox.jira.addTeam({ id: 'team-large', displayName: 'Everyone', members: ['agent-ana', ...crowd] });
    await world.ok('space.settings.save', { projectKey: 'SUP', teamId: 'team-large' }, 'admin-sup', 'SUP');
    const refused = await world.fails('agent.setStatus', { status: 'on_break' }, 'agent-ana');
    expect(refused).toMatchObject({ code: 'forbidden', message: expect.stringContaining('at most 100') });
    expect((await world.me('agent-ana')).status).toBe('available');
    world.closeInbox('agent-ana');
    await world.advance(3 * MINUTE);
    expect(await world.ok('widget.status', { projectKey: 'SUP' }, null, 'SUP')).toEqual({ visible: true, projectKey: 'SUP' });
    await world.ok('space.settings.save', { projectKey: 'SUP', teamId: SUPPORT_TEAM_ID }, 'admin-sup', 'SUP');
    expect(await world.ok('agent.setStatus', { status: 'on_break' }, 'agent-ana')).toEqual({ status: 'on_break' });
  });

  it('R9: an offer not answered in time is a decline and makes the agent Away, and agent.me says why', async () => {
    world = await supportDesk(['agent-ana', 'agent-ben'], { offerTimeoutSeconds: 30 });
    const chat = await world.start();
    const first = (await world.offeredTo(chat.conversationId, ['agent-ana', 'agent-ben'])) as string;
    const other = first === 'agent-ana' ? 'agent-ben' : 'agent-ana';
    await world.advance(30 * SECOND);
    expect(await world.me(first)).toMatchObject({ status: 'away', statusReason: 'offerTimeout', offers: [], load: 0 });
    expect(await world.offeredTo(chat.conversationId, [first, other])).toBe(other);
    await world.ok('agent.setStatus', { status: 'available' }, first);
    expect(await world.me(first)).toMatchObject({ status: 'available', statusReason: 'agent' });
  });
});
