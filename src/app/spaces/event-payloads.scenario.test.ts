import { SUPPORT_TEAM_ID } from '../../../sandbox/jira/demo-site';
import { TEAM_FIELD_TYPES } from '../../../sandbox/jira/field-catalog';
import { ChatWorld } from '../routing/testing/chat-world';

/**
 * Event payloads and site shapes as Forge and Jira send them, the stricter reading where the
 * docs leave it open (sandbox/jira/event-payloads.test.ts): `avi:jira:created:project` without
 * the project's type, and a Team field listed under either of its type keys.
 */
describe('Event payloads', () => {
  let world: ChatWorld;
  afterEach(() => world.close());

  it('Event payloads: a service space announced without its project type starts with live chat on (settings table)', async () => {
    world = new ChatWorld();
    world.sandbox.jira.createProject({ key: 'OPS', name: 'Operations', lead: 'admin', agents: ['agent-chen'] });
    await world.settle();
    expect(await world.ok('space.settings.get', { projectKey: 'OPS' }, 'admin', 'OPS')).toMatchObject({ enabled: true, setUp: false });
  });

  it.each(Object.entries(TEAM_FIELD_TYPES))(
    'Event payloads: the Team field is found under either type key (%s), and the work item gets the space’s Team (R15)',
    async (_name, type) => {
      world = new ChatWorld();
      world.sandbox.jira.setTeamFieldType(type);
      await world.setUpSupport({ teamId: SUPPORT_TEAM_ID });
      await world.goOnline('agent-ana');
      const started = await world.start();
      await world.settle();
      expect(world.sandbox.jira.getIssue(started.workItemKey)?.fields.team).toBe(SUPPORT_TEAM_ID);
    }
  );
});
