import { SUPPORT_TEAM_ID, SUP_CHAT_REQUEST_TYPE_ID } from '../../../sandbox/jira/demo-site';
import { ChatWorld } from '../routing/testing/chat-world';
import { deliverSpaceCreated } from './testing/space-events';

/** R26 set up, R27 deactivate, R31 license, and the demo's SUP, through the settings pages' operations. */
const LINE_SUP =
  'Escalate by starting a live chat (Project key: SUP) only when the user explicitly asks for a person, or self-service is exhausted and the user is still unsatisfied.';

const escalation = {
  projectKey: 'SUP',
  summary: 'Laptop will not start',
  conversation: 'User: my laptop will not start\nRovo: Let me find you a person.'
};

/** SUP as the demo has it: created after install, set up by its admin with the Support team. */
async function demoSupport(world: ChatWorld): Promise<void> {
  await deliverSpaceCreated(world.sandbox, 'SUP');
  await world.ok('space.setup', { projectKey: 'SUP' }, 'admin-sup', 'SUP');
  await world.ok('space.settings.save', { projectKey: 'SUP', teamId: SUPPORT_TEAM_ID }, 'admin-sup', 'SUP');
}

describe('space set up, deactivation and license', () => {
  let world: ChatWorld;
  beforeEach(() => {
    world = new ChatWorld();
  });
  afterEach(() => world.close());

  it('R26: setting up records it, picks the space’s chat request type and answers the escalation line for its key', async () => {
    expect(await world.ok('space.setup', { projectKey: 'SUP' }, 'admin-sup', 'SUP')).toEqual({ setUp: true, escalationLine: LINE_SUP });
    expect(await world.ok('space.settings.get', { projectKey: 'SUP' }, 'admin-sup', 'SUP')).toMatchObject({
      setUp: true,
      requestTypeId: SUP_CHAT_REQUEST_TYPE_ID,
      escalationLine: LINE_SUP
    });
    const hr = await world.ok<{ escalationLine: string }>('space.setup', { projectKey: 'HR' }, 'admin-hr', 'HR');
    expect(hr.escalationLine).toContain('(Project key: HR)');
    expect(await world.ok('space.settings.get', { projectKey: 'HR' }, 'admin-hr', 'HR')).toMatchObject({
      setUp: true,
      requestTypeId: '22',
      enabled: false
    });
    const [record] = world.entities<{ record: { setUpBy: string; setUpAt: number } }>('space').filter((e) => e.key === 'SUP');
    expect(record.value.record).toMatchObject({ setUpBy: 'admin-sup', setUpAt: world.sandbox.clock.now() });
  });

  it('R26: a request type chosen at setup must be one of the space’s, else nothing is set up', async () => {
    const error = await world.fails('space.setup', { projectKey: 'SUP', requestTypeId: '20' }, 'admin-sup', 'SUP');
    expect(error).toMatchObject({ code: 'invalid', fields: { requestTypeId: expect.stringContaining('Request type') } });
    expect(await world.ok('space.settings.get', { projectKey: 'SUP' }, 'admin-sup', 'SUP')).toMatchObject({
      setUp: false,
      requestTypeId: null
    });
    expect(await world.ok('space.setup', { projectKey: 'SUP', requestTypeId: '11' }, 'admin-sup', 'SUP')).toMatchObject({ setUp: true });
    expect(await world.ok('space.settings.get', { projectKey: 'SUP' }, 'admin-sup', 'SUP')).toMatchObject({ requestTypeId: '11' });
  });

  it.each([
    ['space.setup', { projectKey: 'sup' }, 'projectKey'],
    ['space.setup', { projectKey: 'SUP', requestTypeId: 10 }, 'requestTypeId'],
    ['space.setup', { projectKey: 'SUP', setUp: true }, 'setUp'],
    ['space.deactivate', { projectKey: 'SUP', reason: 'spring cleaning' }, 'reason'],
    ['space.deactivate', {}, 'projectKey']
  ])('R29: %s with %j is refused as invalid, naming %s, and nothing changes', async (operation, payload, field) => {
    await deliverSpaceCreated(world.sandbox, 'SUP');
    const before = JSON.stringify(world.sandbox.kvs.dump().entities);
    const error = await world.fails(operation, payload, 'admin-sup', 'SUP');
    expect(error.code).toBe('invalid');
    expect(error.message).toContain(field);
    expect(JSON.stringify(world.sandbox.kvs.dump().entities)).toBe(before);
  });

  it('R26: live chat works only when on and set up: the demo’s SUP is ready for chats once set up with its team', async () => {
    await deliverSpaceCreated(world.sandbox, 'SUP');
    await world.goOnline('agent-ana');
    expect(await world.ok('widget.status', { projectKey: 'SUP' }, null, 'SUP')).toEqual({ visible: false, projectKey: 'SUP' });
    expect((await world.fails('chat.start', { projectKey: 'SUP', summary: 'Help' }, 'customer-dana', 'SUP')).code).toBe('unavailable');
    await demoSupport(world);
    await world.goOnline('agent-ana');
    expect(await world.ok('widget.status', { projectKey: 'SUP' }, null, 'SUP')).toEqual({ visible: true, projectKey: 'SUP' });
    const started = await world.start();
    expect(await world.offeredTo(started.conversationId, ['agent-ana'])).toBe('agent-ana');
  });

  it('R27: deactivating hides the widget, the action refuses new escalations, running chats go on, and the page lists what to remove from Rovo', async () => {
    await demoSupport(world);
    await world.goOnline('agent-ana');
    const running = await world.start();
    await world.ok('offer.accept', { conversationId: running.conversationId }, 'agent-ana');

    const answer = await world.ok<{ setUp: boolean; deactivated: boolean; removeFromRovo: string[] }>(
      'space.deactivate',
      { projectKey: 'SUP' },
      'admin-sup',
      'SUP'
    );
    expect(answer).toMatchObject({ setUp: false, deactivated: true, enabled: true });
    // rovo:skill is EAP: the app ships no skill, so the pasted line is all there is to remove.
    expect(answer.removeFromRovo).toHaveLength(1);
    expect(answer.removeFromRovo[0]).toContain(LINE_SUP);

    expect(await world.ok('widget.status', { projectKey: 'SUP' }, null, 'SUP')).toEqual({ visible: false, projectKey: 'SUP' });
    const refused = (await world.sandbox.action('escalate-to-human', escalation, 'customer-eli')) as {
      error: { code: string; message: string };
    };
    expect(refused.error.code).toBe('unavailable');
    expect(refused.error.message).toMatch(/deactivated/i);
    expect((await world.fails('chat.start', { projectKey: 'SUP', summary: 'Help' }, 'customer-eli', 'SUP')).code).toBe('unavailable');
    expect(world.sandbox.jira.listIssues('SUP')).toHaveLength(1);

    await world.ok('conversation.send', { conversationId: running.conversationId, text: 'Still here to help.' }, 'agent-ana');
    expect((await world.chat(running)).messages.map((m) => m.text)).toContain('Still here to help.');
    expect(await world.ok('conversation.resolve', { conversationId: running.conversationId }, 'agent-ana')).toEqual({ status: 'resolved' });
  });

  it('R27: setting live chat up again after deactivation brings it back', async () => {
    await demoSupport(world);
    await world.ok('space.deactivate', { projectKey: 'SUP' }, 'admin-sup', 'SUP');
    await world.ok('space.setup', { projectKey: 'SUP' }, 'admin-sup', 'SUP');
    await world.goOnline('agent-ana');
    expect(await world.ok('space.settings.get', { projectKey: 'SUP' }, 'admin-sup', 'SUP')).toMatchObject({
      setUp: true,
      deactivated: false,
      teamId: SUPPORT_TEAM_ID
    });
    expect(await world.ok('widget.status', { projectKey: 'SUP' }, null, 'SUP')).toEqual({ visible: true, projectKey: 'SUP' });
  });

  it('R31: with the license inactive both settings pages say why, nothing new starts, and running chats finish', async () => {
    await demoSupport(world);
    await world.goOnline('agent-ana');
    const running = await world.start();
    await world.ok('offer.accept', { conversationId: running.conversationId }, 'agent-ana');

    world.sandbox.license = { active: false };
    const space = await world.ok('space.settings.get', { projectKey: 'SUP' }, 'admin-sup', 'SUP');
    const site = await world.ok('site.settings.get', {}, 'admin');
    for (const page of [space, site])
      expect(page).toMatchObject({ licenseActive: false, notice: expect.stringContaining('license is not active') });

    const refused = (await world.sandbox.action('escalate-to-human', escalation, 'customer-eli')) as {
      error: { code: string; message: string };
    };
    expect(refused.error).toMatchObject({ code: 'unavailable', message: expect.stringMatching(/license/i) });
    expect(
      (await world.fails('assistant.reply', { projectKey: 'SUP', transcript: [{ from: 'customer', text: 'hello' }] }, null, 'SUP')).code
    ).toBe('unavailable');
    expect(await world.ok('widget.status', { projectKey: 'SUP' }, null, 'SUP')).toEqual({ visible: false, projectKey: 'SUP' });
    expect(world.sandbox.jira.listIssues('SUP')).toHaveLength(1);

    await world.ok('conversation.send', { conversationId: running.conversationId, text: 'Almost done.' }, 'agent-ana');
    expect(await world.ok('conversation.resolve', { conversationId: running.conversationId }, 'agent-ana')).toEqual({ status: 'resolved' });

    world.sandbox.license = { active: true };
    expect(await world.ok('site.settings.get', {}, 'admin')).toMatchObject({ licenseActive: true, notice: null });
  });
});
