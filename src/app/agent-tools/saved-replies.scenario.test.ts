import { supportDesk, type ChatWorld } from '../routing/testing/chat-world';

/** SR1, SR2: a space's saved replies, managed by its admins and inserted by its agents with placeholders filled. */
describe('saved replies', () => {
  let world: ChatWorld;
  afterEach(() => world.close());

  const save = (reply: Record<string, unknown>, as = 'admin-sup') =>
    world.call('space.savedReplies.save', { projectKey: 'SUP', ...reply }, as, 'SUP');
  const list = async () =>
    (
      await world.ok<{ replies: { id: string; title: string; text: string }[] }>(
        'space.savedReplies.get',
        { projectKey: 'SUP' },
        'admin-sup',
        'SUP'
      )
    ).replies;

  async function acceptedChat(as = 'customer-dana') {
    const started = await world.start('SUP', as);
    await world.ok('offer.accept', { conversationId: started.conversationId }, 'agent-ana');
    return started;
  }

  it('SR1: a space admin adds, edits and deletes saved replies; the list comes back by title', async () => {
    world = await supportDesk(['agent-ana']);
    await save({ title: 'VPN', text: 'Restart the VPN client, {customerName}.' });
    const { replies } = (await save({ title: 'Greeting', text: 'Hi {customerName}, {agentName} here.' })) as {
      replies: { id: string; title: string }[];
    };
    expect(replies.map((r) => r.title)).toEqual(['Greeting', 'VPN']);
    const vpn = replies.find((r) => r.title === 'VPN')!;
    await save({ id: vpn.id, title: 'VPN help', text: 'Reinstall the VPN client.' });
    expect((await list()).map((r) => [r.title, r.text])).toEqual([
      ['Greeting', 'Hi {customerName}, {agentName} here.'],
      ['VPN help', 'Reinstall the VPN client.']
    ]);
    await world.ok('space.savedReplies.delete', { projectKey: 'SUP', id: vpn.id }, 'admin-sup', 'SUP');
    expect((await list()).map((r) => r.title)).toEqual(['Greeting']);
  });

  it('SR1: invalid replies are refused naming the field, and nothing is saved', async () => {
    world = await supportDesk(['agent-ana']);
    await save({ title: 'VPN', text: 'x' });
    for (const [reply, field] of [
      [{ title: '', text: 'x' }, 'title'],
      [{ title: 'x'.repeat(81), text: 'x' }, 'title'],
      [{ title: ' vpn ', text: 'x' }, 'title'],
      [{ title: 'Printer', text: '   ' }, 'text'],
      [{ title: 'Printer', text: 'x'.repeat(1_001) }, 'text'],
      [{ title: 'Printer', text: 42 }, 'text']
    ] as const) {
      const answer = (await save(reply)) as { error: { code: string; fields: Record<string, string> } };
      expect(answer.error.code).toBe('invalid');
      expect(Object.keys(answer.error.fields)).toContain(field);
    }
    expect((await save({ id: 'no-such-reply', title: 'x', text: 'y' })) as unknown).toMatchObject({ error: { code: 'not_found' } });
    expect((await list()).map((r) => r.title)).toEqual(['VPN']);
  });

  it('SR1: only the space’s admins manage them (R28)', async () => {
    world = await supportDesk(['agent-ana']);
    expect((await save({ title: 'x', text: 'y' }, 'agent-ana')) as unknown).toMatchObject({ error: { code: 'forbidden' } });
    expect((await save({ title: 'x', text: 'y' }, 'admin-hr')) as unknown).toMatchObject({ error: { code: 'forbidden' } });
    expect(await world.fails('space.savedReplies.get', { projectKey: 'SUP' }, 'customer-dana', 'SUP')).toMatchObject({ code: 'forbidden' });
  });

  it('SR1: 200 long replies fit in storage (parts under the 240 KiB value limit), read back whole; the 201st is refused', async () => {
    world = await supportDesk(['agent-ana']);
    const text = '€'.repeat(1_000); // 3 bytes each in UTF-8: the largest a text can be
    for (let i = 0; i < 200; i++)
      expect((await save({ title: `Reply ${String(i).padStart(3, '0')} ${'é'.repeat(60)}`, text })) as unknown).not.toHaveProperty('error');
    expect((await save({ title: 'One more', text: 'x' })) as unknown).toMatchObject({
      error: { code: 'invalid', fields: { title: expect.any(String) } }
    });
    const stored = await list();
    expect(stored).toHaveLength(200);
    expect(stored.every((r) => r.text === text)).toBe(true);
    const parts = world.entities<{ replies: unknown[] }>('saved-replies');
    expect(parts.length).toBeGreaterThan(1);
    for (const part of parts) expect(Buffer.byteLength(JSON.stringify(part.value))).toBeLessThan(240 * 1024);
    // Deleting shrinks the list; parts no longer needed are removed in the same write.
    for (const reply of stored.slice(0, 199))
      await world.ok('space.savedReplies.delete', { projectKey: 'SUP', id: reply.id }, 'admin-sup', 'SUP');
    expect(world.entities('saved-replies')).toHaveLength(1);
    expect(await list()).toHaveLength(1);
  }, 120_000);

  it('SR1: a few dozen replies are one stored part: the picker reads the chat and that one part', async () => {
    world = await supportDesk(['agent-ana']);
    const started = await acceptedChat();
    const readsOfPicker = async () => {
      world.sandbox.meter.reset();
      await world.ok('conversation.savedReplies', { conversationId: started.conversationId }, 'agent-ana');
      return world.sandbox.meter.snapshot()['kvs.reads'] ?? 0;
    };
    const none = await readsOfPicker();
    for (let i = 0; i < 30; i++)
      await save({ title: `Reply ${i}`, text: 'Restart the VPN client and sign in again with your work account.' });
    expect(world.entities('saved-replies')).toHaveLength(1);
    expect(none).toBe(2);
    expect(await readsOfPicker()).toBe(2);
  });

  it('SR2: the agent’s picker gets the texts with {customerName}, {agentName} and {workItem} filled for the chat', async () => {
    world = await supportDesk(['agent-ana']);
    await save({ title: 'Greeting', text: 'Hi {customerName}, {agentName} here about {workItem}. {unknown} stays.' });
    const started = await acceptedChat();
    const { replies } = await world.ok<{ replies: { title: string; text: string }[] }>(
      'conversation.savedReplies',
      { conversationId: started.conversationId },
      'agent-ana'
    );
    expect(replies).toEqual([
      {
        id: expect.any(String),
        title: 'Greeting',
        text: `Hi Dana Whitfield, Ana Souza here about ${started.workItemKey}. {unknown} stays.`
      }
    ]);
  });

  it('SR2: an anonymous visitor is greeted as "there"; only the chat’s agents get the picker (R18)', async () => {
    world = await supportDesk(['agent-ana', 'agent-ben']);
    await save({ title: 'Greeting', text: 'Hi {customerName}!' });
    const started = await world.start('SUP', null);
    const offered = (await world.offeredTo(started.conversationId, ['agent-ana', 'agent-ben']))!;
    await world.ok('offer.accept', { conversationId: started.conversationId }, offered);
    const other = offered === 'agent-ana' ? 'agent-ben' : 'agent-ana';
    const { replies } = await world.ok<{ replies: { text: string }[] }>(
      'conversation.savedReplies',
      { conversationId: started.conversationId },
      offered
    );
    expect(replies[0].text).toBe('Hi there!');
    expect(await world.fails('conversation.savedReplies', { conversationId: started.conversationId }, other)).toMatchObject({
      code: 'forbidden'
    });
  });
});
