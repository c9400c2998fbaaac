import { ChatWorld, MINUTE, supportDesk, type Answer } from '../routing/testing/chat-world';

/**
 * R22 from where the widget really runs: the portal footer, whose context names its portal
 * (`context.extension.portal.id`, JSM's service desk id), not a project. `sandbox.invoke` with
 * a project key gives the widget exactly that context (sandbox.ts, extensionFor).
 */
describe('R22: the widget on a help portal', () => {
  let world: ChatWorld;
  afterEach(() => world.close());

  /** widget.status as the widget sends it on a portal page: no payload, the portal in the context. */
  const onPortal = (projectKey: string) => world.ok<Answer>('widget.status', {}, null, projectKey);
  const deskLookups = () =>
    world.sandbox.meter.snapshot().byDetail['jira.requests GET /rest/servicedeskapi/servicedesk/{serviceDeskId}'] ?? 0;

  it('R22: `{}` on a portal answers its space and whether to show the chat', async () => {
    world = await supportDesk(['agent-ana']);
    expect(world.sandbox.extensionFor('live-chat-widget', 'SUP')).toEqual({
      type: 'jiraServiceManagement:portalFooter',
      portal: { id: 2 }
    });
    expect(await onPortal('SUP')).toEqual({ visible: true, projectKey: 'SUP' });
    world.closeInbox('agent-ana');
    await world.advance(2 * MINUTE);
    expect(await onPortal('SUP')).toEqual({ visible: false, projectKey: 'SUP' });
    // HR's portal: live chat off there (it existed before the app).
    expect(await onPortal('HR')).toEqual({ visible: false, projectKey: 'HR' });
  });

  it('R22: the portal’s space is found without asking Jira on every poll', async () => {
    world = await supportDesk(['agent-ana']);
    const before = deskLookups();
    for (let i = 0; i < 10; i += 1) await onPortal('SUP');
    // SUP's record knows its service desk since setup, and wrote the portal → space lookup with it.
    expect(deskLookups()).toBe(before);

    // HR's portal, never seen by the app: one lookup of the portal, one of the space, then none.
    for (let i = 0; i < 10; i += 1) expect(await onPortal('HR')).toEqual({ visible: false, projectKey: 'HR' });
    expect(deskLookups()).toBe(before + 2);
  });

  it('R22: one poll on a portal costs a few reads and no write', async () => {
    world = await supportDesk(['agent-ana']);
    await onPortal('SUP');
    world.sandbox.meter.reset();
    await onPortal('SUP');
    const usage = world.sandbox.meter.snapshot();
    // The portal → space lookup, the space record, its agents, then the roster item that holds all of them.
    const agents = (world.sandbox.kvs.dump().keys.find((k) => k.key === 'space-agents:SUP')?.value as { agentIds: string[] }).agentIds;
    expect(agents).toHaveLength(4); // the three agents and admin-sup (JSM gives space admins the agent permission)
    expect({ reads: usage['kvs.reads'], writes: usage['kvs.writes'], jira: usage['jira.requests'] }).toEqual({
      reads: 3 + 1,
      writes: 0,
      jira: 0
    });
  });

  it('R22: a portal that is no service space’s hides the chat', async () => {
    world = await supportDesk(['agent-ana']);
    const answer = await world.sandbox.host.invokeResolver({
      moduleKey: 'live-chat-widget',
      operation: 'widget.status',
      payload: {},
      extension: { type: 'jiraServiceManagement:portalFooter', portal: { id: 999 } }
    });
    expect(answer).toEqual({ visible: false, projectKey: null });
  });

  it('R22: a project key in the payload still works where no portal says which space (PRODUCT.md’s shape)', async () => {
    world = await supportDesk(['agent-ana']);
    expect(await world.ok('widget.status', { projectKey: 'SUP' }, null)).toEqual({ visible: true, projectKey: 'SUP' });
  });

  // The portal footer on the help center's page (`help_center`) gets no `portal.id`: no space, no chat.
  it('Event payloads: help_center pages have no portal: `{}` there shows no chat; a portal in the payload is invalid (R29); nothing changes', async () => {
    world = await supportDesk(['agent-ana']);
    const before = world.everything();
    expect(await world.ok('widget.status', {}, null)).toEqual({ visible: false, projectKey: null });
    // The portal comes from the platform's context, never the payload.
    expect(await world.fails('widget.status', { portal: { id: 2 } }, null)).toMatchObject({
      code: 'invalid',
      fields: { payload: expect.stringContaining('portal') }
    });
    expect(world.everything()).toBe(before);
  });
});
