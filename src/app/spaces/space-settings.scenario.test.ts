import { extraStaff, SUPPORT_TEAM_ID } from '../../../sandbox/jira/demo-site';
import { ChatWorld, MINUTE } from '../routing/testing/chat-world';
import { deliverSpaceCreated } from './testing/space-events';

/**
 * The settings table of PRODUCT.md, R3 and R4, through the space settings page's operations
 * (as its space admin) and the site admin page's, on the demo site.
 */
const SUP = 'SUP';
const asSupAdmin = (world: ChatWorld, operation: string, payload: Record<string, unknown> = {}) =>
  world.call(operation, { projectKey: SUP, ...payload }, 'admin-sup', SUP);

const spaceRecords = (world: ChatWorld) => JSON.stringify(world.entities('space'));
const cachedAgents = (world: ChatWorld, projectKey: string) =>
  world.sandbox.kvs.dump().keys.find((item: { key: string }) => item.key === `space-agents:${projectKey}`)?.value as
    { agentIds: string[]; teamSize: number } | undefined;

describe('space settings', () => {
  let world: ChatWorld;
  beforeEach(() => {
    world = new ChatWorld();
  });
  afterEach(() => world.close());

  it('settings table: a space created after install starts with live chat on, one that existed before starts off, both with the defaults', async () => {
    await deliverSpaceCreated(world.sandbox, SUP);
    const sup = await world.ok('space.settings.get', { projectKey: SUP }, 'admin-sup', SUP);
    const hr = await world.ok('space.settings.get', { projectKey: 'HR' }, 'admin-hr', 'HR');
    const defaults = {
      setUp: false,
      timeToAssignMinutes: 20,
      offerTimeoutSeconds: 120,
      timeToReplyMinutes: 10,
      teamId: null,
      showOnlyWhenAvailable: true,
      requestTypeId: null,
      defaultLabel: 'live-chat',
      fallbackMessage: 'All our agents are busy right now. We have logged your request as {workItem} and will follow up there.'
    };
    expect(sup).toMatchObject({ enabled: true, ...defaults });
    expect(hr).toMatchObject({ enabled: false, ...defaults });
    expect(sup.requestTypes).toEqual([
      { id: '10', name: 'Chat' },
      { id: '11', name: 'Get IT help' },
      { id: '12', name: 'Report a system problem' }
    ]);
  });

  it('settings table: a repeated space-created event leaves the admin’s choice alone', async () => {
    await deliverSpaceCreated(world.sandbox, SUP);
    await world.ok('space.settings.save', { projectKey: SUP, enabled: false }, 'admin-sup', SUP);
    await deliverSpaceCreated(world.sandbox, SUP);
    expect(await asSupAdmin(world, 'space.settings.get')).toMatchObject({ enabled: false });
  });

  it('settings table: a space whose portal was opened before Jira’s created event arrived still starts on', async () => {
    await world.ok('widget.status', { projectKey: SUP }, null, SUP);
    await deliverSpaceCreated(world.sandbox, SUP);
    expect(await asSupAdmin(world, 'space.settings.get')).toMatchObject({ enabled: true });
  });

  it('settings table: what JSM says of a space is asked once, then read from storage', async () => {
    const desks = () => world.sandbox.meter.snapshot().byDetail['jira.requests GET /rest/servicedeskapi/servicedesk/{serviceDeskId}'] ?? 0;
    for (let i = 0; i < 5; i += 1) await world.ok('widget.status', { projectKey: 'HR' }, null, 'HR');
    expect(desks()).toBe(1);
    expect(await world.ok('space.settings.get', { projectKey: 'HR' }, 'admin-hr', 'HR')).toMatchObject({ enabled: false });
  });

  it('settings table: a save stores every valid setting and answers the settings', async () => {
    const saved = await world.ok(
      'space.settings.save',
      {
        projectKey: SUP,
        enabled: true,
        timeToAssignMinutes: 60,
        offerTimeoutSeconds: 30,
        timeToReplyMinutes: 1,
        showOnlyWhenAvailable: false,
        requestTypeId: '11',
        fallbackMessage: 'x'.repeat(1_000)
      },
      'admin-sup',
      SUP
    );
    const expected = {
      enabled: true,
      timeToAssignMinutes: 60,
      offerTimeoutSeconds: 30,
      timeToReplyMinutes: 1,
      showOnlyWhenAvailable: false,
      requestTypeId: '11',
      fallbackMessage: 'x'.repeat(1_000)
    };
    expect(saved).toMatchObject(expected);
    expect(await asSupAdmin(world, 'space.settings.get')).toMatchObject(expected);
  });

  it.each([
    { field: 'timeToAssignMinutes', value: 0, shown: '0', label: 'Time to assign', allowed: '1 and 60 minutes' },
    { field: 'timeToAssignMinutes', value: 61, shown: '61', label: 'Time to assign', allowed: '1 and 60 minutes' },
    { field: 'timeToAssignMinutes', value: 2.5, shown: '2.5', label: 'Time to assign', allowed: '1 and 60 minutes' },
    { field: 'timeToAssignMinutes', value: '20', shown: 'the text "20"', label: 'Time to assign', allowed: '1 and 60 minutes' },
    { field: 'offerTimeoutSeconds', value: 29, shown: '29', label: 'Offer timeout', allowed: '30 seconds and 10 minutes' },
    { field: 'offerTimeoutSeconds', value: 601, shown: '601', label: 'Offer timeout', allowed: '30 seconds and 10 minutes' },
    { field: 'timeToReplyMinutes', value: 0, shown: '0', label: 'Time to reply', allowed: '1 and 60 minutes' },
    { field: 'timeToReplyMinutes', value: 61, shown: '61', label: 'Time to reply', allowed: '1 and 60 minutes' },
    { field: 'fallbackMessage', value: '', shown: 'empty', label: 'Fallback message', allowed: '1 and 1,000 characters' },
    { field: 'fallbackMessage', value: '   ', shown: 'only spaces', label: 'Fallback message', allowed: '1 and 1,000 characters' },
    {
      field: 'fallbackMessage',
      value: 'x'.repeat(1_001),
      shown: '1,001 characters',
      label: 'Fallback message',
      allowed: '1 and 1,000 characters'
    },
    { field: 'enabled', value: 'yes', shown: 'the text "yes"', label: 'Live chat', allowed: 'on or off' },
    { field: 'showOnlyWhenAvailable', value: 1, shown: '1', label: 'Show chat only when an agent is available', allowed: 'on or off' },
    { field: 'requestTypeId', value: '99', shown: 'a request type of no space', label: 'Request type', allowed: 'existing request type' },
    { field: 'requestTypeId', value: null, shown: 'none', label: 'Request type', allowed: 'existing request type' },
    { field: 'teamId', value: 'no-such-team', shown: 'an unknown team', label: 'Team', allowed: 'existing Atlassian team' },
    { field: 'teamId', value: '', shown: 'empty', label: 'Team', allowed: 'one Atlassian team' }
  ])(
    'settings table: $field = $shown is refused, naming the field and what is allowed, and nothing is saved',
    async ({ field, value, label, allowed }) => {
      await asSupAdmin(world, 'space.settings.get');
      const before = spaceRecords(world);
      const error = await world.fails('space.settings.save', { projectKey: SUP, [field]: value }, 'admin-sup', SUP);
      expect(error.code).toBe('invalid');
      expect(error.message).toContain(label);
      expect(error.message).toContain(allowed);
      expect(error.fields?.[field]).toContain(label);
      expect(spaceRecords(world)).toBe(before);
    }
  );

  it('settings table: one invalid value refuses the whole save: the valid ones are not saved either', async () => {
    const before = await asSupAdmin(world, 'space.settings.get');
    const stored = spaceRecords(world);
    const error = await world.fails(
      'space.settings.save',
      { projectKey: SUP, timeToAssignMinutes: 30, offerTimeoutSeconds: 5, fallbackMessage: 'Busy' },
      'admin-sup',
      SUP
    );
    expect(error).toMatchObject({ code: 'invalid', fields: { offerTimeoutSeconds: expect.stringContaining('Offer timeout') } });
    expect(Object.keys(error.fields ?? {})).toEqual(['offerTimeoutSeconds']);
    expect(await asSupAdmin(world, 'space.settings.get')).toEqual(before);
    expect(spaceRecords(world)).toBe(stored);
  });

  it('settings table: set up and the default label are read-only; anything unknown is refused by name', async () => {
    const saved = await world.ok(
      'space.settings.save',
      { projectKey: SUP, setUp: true, defaultLabel: 'other', timeToReplyMinutes: 5 },
      'admin-sup',
      SUP
    );
    expect(saved).toMatchObject({ setUp: false, defaultLabel: 'live-chat', timeToReplyMinutes: 5 });
    const error = await world.fails('space.settings.save', { projectKey: SUP, colour: 'blue' }, 'admin-sup', SUP);
    expect(error.code).toBe('invalid');
    expect(error.message).toContain('colour');
    expect(await asSupAdmin(world, 'space.settings.get')).toMatchObject({ timeToReplyMinutes: 5 });
  });

  it('settings table: a page may only read and save its own space', async () => {
    const error = await world.fails('space.settings.get', { projectKey: 'HR' }, 'admin', SUP);
    expect(error).toMatchObject({ code: 'invalid', fields: { projectKey: expect.any(String) } });
    expect((await world.fails('space.settings.get', { projectKey: 'NOPE' }, 'admin')).code).toBe('not_found');
  });

  it.each([0, 21, 2.5, '3', null])(
    'R5: a site maximum of %j is refused, naming the field and its range, and nothing is saved',
    async (value) => {
      await world.ok('site.settings.save', { maxConversations: 7 }, 'admin');
      const error = await world.fails('site.settings.save', { maxConversations: value }, 'admin');
      expect(error).toMatchObject({ code: 'invalid', fields: { maxConversations: expect.stringContaining('between 1 and 20') } });
      expect(error.message).toContain('Maximum conversations');
      expect(await world.ok('site.settings.get', {}, 'admin')).toMatchObject({ maxConversations: 7 });
    }
  );

  it('R5: the site maximum is one value for every space and every agent', async () => {
    expect(await world.ok('site.settings.get', {}, 'admin')).toEqual({ maxConversations: 3, licenseActive: true, notice: null });
    expect(await world.ok('site.settings.save', { maxConversations: 20 }, 'admin')).toMatchObject({ maxConversations: 20 });
    await world.setUpSupport();
    expect((await world.me('agent-ana')).maxConversations).toBe(20);
  });

  it('R3: without a team, the agents of a space are the people holding its agent permission', async () => {
    await deliverSpaceCreated(world.sandbox, SUP);
    await world.setUpSupport();
    expect(cachedAgents(world, SUP)?.agentIds.slice().sort()).toEqual(['admin-sup', 'agent-ana', 'agent-ben', 'agent-chen']);
    // admin-sup holds the agent permission (space admins do), so they are offered chats.
    await world.goOnline('admin-sup');
    const started = await world.start();
    expect(await world.offeredTo(started.conversationId, ['admin-sup'])).toBe('admin-sup');
  });

  it('R3: with a team, the agents of a space are the team’s members, and only they are offered chats', async () => {
    await deliverSpaceCreated(world.sandbox, SUP);
    await world.setUpSupport({ teamId: SUPPORT_TEAM_ID });
    expect(cachedAgents(world, SUP)?.agentIds.slice().sort()).toEqual(['agent-ana', 'agent-ben', 'agent-chen']);
    expect(await asSupAdmin(world, 'space.settings.get')).toMatchObject({
      teamId: SUPPORT_TEAM_ID,
      teamName: 'Support team',
      teamSize: 3,
      teamWarning: null
    });
    await world.goOnline('admin-sup');
    const started = await world.start();
    expect(started.status).toBe('missed');
  });

  it('R3: the agents are read from Jira again when the cache is 10 minutes old, and on every save', async () => {
    await deliverSpaceCreated(world.sandbox, SUP);
    await world.setUpSupport({ teamId: SUPPORT_TEAM_ID });
    world.sandbox.jira.setTeamMembers(SUPPORT_TEAM_ID, ['agent-ana', 'agent-ben', 'agent-chen', 'agent-hana']);
    await world.advance(9 * MINUTE);
    await world.ok('widget.status', { projectKey: SUP }, null, SUP);
    expect(cachedAgents(world, SUP)?.agentIds).not.toContain('agent-hana');
    await world.advance(1 * MINUTE);
    await world.ok('widget.status', { projectKey: SUP }, null, SUP);
    expect(cachedAgents(world, SUP)?.agentIds).toContain('agent-hana');

    world.sandbox.jira.setTeamMembers(SUPPORT_TEAM_ID, ['agent-ana']);
    await world.ok('space.settings.save', { projectKey: SUP, timeToReplyMinutes: 9 }, 'admin-sup', SUP);
    expect(cachedAgents(world, SUP)?.agentIds).toEqual(['agent-ana']);
  });

  it('R4: with a team of more than 100 members the settings page says so, and its agents cannot change their availability', async () => {
    const members = Array.from({ length: 101 }, (_, i) => `agent-big-${i}`);
    for (const accountId of members) {
      world.sandbox.jira.addUser(extraStaff(accountId, `Agent ${i(accountId)}`));
    }
    world.sandbox.jira.addTeam({ id: 'big-team', displayName: 'Everyone', members: ['agent-ana', ...members] });
    await deliverSpaceCreated(world.sandbox, SUP);
    const saved = await world.ok('space.settings.save', { projectKey: SUP, teamId: 'big-team' }, 'admin-sup', SUP);
    expect(saved).toMatchObject({ teamSize: expect.any(Number), teamWarning: expect.stringContaining('more than 100 members') });
    expect(saved.teamSize as number).toBeGreaterThan(100);
    await world.setUpSupport();
    expect((await world.fails('agent.setStatus', { status: 'available' }, 'agent-ana')).message).toMatch(/100/);
  });
});

function i(accountId: string): string {
  return accountId.slice(accountId.lastIndexOf('-') + 1);
}
