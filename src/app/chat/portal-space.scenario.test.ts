import { supportDesk, type ChatWorld } from '../routing/testing/chat-world';

/**
 * chat.start and assistant.reply on the portal (Faithful to Forge): the space is the portal's,
 * from the trusted context (`extension.portal.id` → service desk → project), never the payload's.
 */
describe('a portal starts chats only in its own space', () => {
  let world: ChatWorld;
  afterEach(() => world.close());

  it('R28: on SUP’s portal a chat for HR is refused with a typed error naming the field, and nothing is created anywhere', async () => {
    world = await supportDesk(['agent-ana']);
    await world.setUpHr();
    const before = JSON.stringify(world.sandbox.kvs.dump().entities.conversation ?? []);
    const error = await world.fails('chat.start', { projectKey: 'HR', summary: 'Payroll' }, null, 'SUP');
    expect(error).toEqual({
      code: 'forbidden',
      message: 'This help portal serves SUP; it cannot start chats in HR.',
      fields: { projectKey: "must be this portal's space (SUP)" }
    });
    expect(JSON.stringify(world.sandbox.kvs.dump().entities.conversation ?? [])).toBe(before);
    expect(world.sandbox.jira.listIssues()).toHaveLength(0);
  });

  it('R28: the payload may leave the space out or name the portal’s own; the chat is in the portal’s space', async () => {
    world = await supportDesk(['agent-ana']);
    const bare = await world.ok<{ workItemKey: string }>('chat.start', { summary: 'Help' }, 'customer-dana', 'SUP');
    const named = await world.ok<{ workItemKey: string }>('chat.start', { projectKey: 'SUP', summary: 'Help' }, 'customer-eli', 'SUP');
    expect([bare.workItemKey, named.workItemKey]).toEqual(['SUP-1', 'SUP-2']);
  });

  it('R28: the widget’s AI answers only for the portal’s space', async () => {
    world = await supportDesk(['agent-ana']);
    await world.setUpHr();
    const transcript = [{ from: 'customer', text: 'How do I reset my password?' }];
    expect((await world.fails('assistant.reply', { projectKey: 'HR', transcript }, null, 'SUP')).code).toBe('forbidden');
    expect(await world.ok('assistant.reply', { transcript }, null, 'HR')).toMatchObject({ escalate: false });
    // Off a portal (no portal in the context) nothing answers.
    expect((await world.fails('assistant.reply', { projectKey: 'SUP', transcript }, null)).code).toBe('forbidden');
  });
});
