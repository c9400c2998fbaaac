import { ChatWorld, MINUTE, supportDesk } from '../routing/testing/chat-world';

interface Overview {
  spaces: {
    projectKey: string;
    name: string;
    enabled: boolean;
    setUp: boolean;
    availableAgents: number;
    waiting: number;
    active: number;
  }[];
}

/** The Jira admin page's site overview (`site.overview`, R28: site admins only), read after the work is done. */
describe('the site overview', () => {
  let world: ChatWorld;
  afterEach(() => world.close());

  const overview = () => world.ok<Overview>('site.overview', {}, 'admin');
  const sup = async () => (await overview()).spaces.find((s) => s.projectKey === 'SUP');

  it('R1, R2, R11: every service space with its state, agents available now, chats waiting and active', async () => {
    world = await supportDesk(['agent-ana', 'agent-ben'], { timeToAssignMinutes: 30 });
    await world.setMaximum(1);
    const accepted = await world.start('SUP', 'customer-dana');
    const accepter = (await world.offeredTo(accepted.conversationId, ['agent-ana', 'agent-ben'])) as string;
    await world.ok('offer.accept', { conversationId: accepted.conversationId }, accepter);
    await world.start('SUP', 'customer-eli'); // offered to the other agent
    await world.start('SUP', null); // waits: both agents at the maximum

    expect(await overview()).toEqual({
      spaces: [
        // HR existed before the app: no record, live chat off.
        { projectKey: 'HR', name: 'Human resources', enabled: false, setUp: false, availableAgents: 0, waiting: 0, active: 0 },
        { projectKey: 'SUP', name: 'Support', enabled: true, setUp: true, availableAgents: 2, waiting: 2, active: 1 }
      ]
    });

    // R2: an agent whose inbox went quiet is not available, whatever their status.
    world.closeInbox('agent-ben');
    await world.advance(2 * MINUTE);
    expect(await sup()).toMatchObject({ availableAgents: 1 });

    await world.ok('conversation.resolve', { conversationId: accepted.conversationId }, accepter);
    await world.settle();
    // The freed slot took the offered or the waiting chat: one waits less, none is active until accepted.
    expect(await sup()).toMatchObject({ waiting: 2, active: 0 });
  });

  it('a space turned on and set up later shows up as such', async () => {
    world = new ChatWorld();
    await world.setUpHr();
    await world.goOnline('agent-hana');
    expect((await overview()).spaces.find((s) => s.projectKey === 'HR')).toEqual({
      projectKey: 'HR',
      name: 'Human resources',
      enabled: true,
      setUp: true,
      availableAgents: 1,
      waiting: 0,
      active: 0
    });
  });

  it('costs one Jira request and a few batched storage reads, and writes nothing', async () => {
    world = await supportDesk(['agent-ana', 'agent-ben']);
    await world.start('SUP', 'customer-dana');
    await overview(); // the site admin's permission is cached from here on (R28)
    world.sandbox.meter.reset();
    await overview();
    const usage = world.sandbox.meter.snapshot();
    expect({ jira: usage['jira.requests'], writes: usage['kvs.writes'] }).toEqual({ jira: 1, writes: 0 });
    expect(usage.byDetail['jira.requests GET /rest/servicedeskapi/servicedesk']).toBe(1);
    // The permission cache; two spaces' records and agents caches; SUP's 4 agents (ana, ben, chen and admin-sup:
    // one roster item holds them all); SUP's queue index (empty: one read) and running index (the one offered chat).
    expect(usage['kvs.reads']).toBe(1 + 2 * 2 + 1 + 1 + 1);
  });

  it('R29: a payload with fields is invalid and changes nothing', async () => {
    world = await supportDesk(['agent-ana']);
    const before = JSON.stringify(world.sandbox.kvs.dump().entities);
    expect(await world.fails('site.overview', { projectKey: 'SUP' }, 'admin')).toMatchObject({
      code: 'invalid',
      fields: { payload: expect.stringContaining('projectKey') }
    });
    expect(JSON.stringify(world.sandbox.kvs.dump().entities)).toBe(before);
  });

  it('R28: Jira busy while listing the spaces is “try again”', async () => {
    world = await supportDesk(['agent-ana']);
    await overview();
    world.sandbox.faults.set([{ target: 'jira', kind: 'http5xx', match: 'GET /rest/servicedeskapi/servicedesk', times: 1 }]);
    expect((await world.fails('site.overview', {}, 'admin')).code).toBe('unavailable');
    expect((await overview()).spaces).toHaveLength(2);
  });
});
