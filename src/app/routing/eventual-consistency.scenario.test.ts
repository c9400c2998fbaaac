import { FORGE_TTL_DELETION_LAG_MS, type KvsConsistencyOptions } from '../../../sandbox/kvs/kvs-consistency';
import { MINUTE, SECOND, supportDesk, type ChatWorld, type StartedChat } from './testing/chat-world';

/**
 * The app on storage that lags as Forge's does: entity queries see a write only later (here a
 * fixed 3 s, longer than any invocation), and an item past its TTL is still returned until
 * Forge deletes it, up to 48 hours later. Gets and transactions are exact; whatever decides
 * must not trust a query for its own recent writes, nor a TTL to have removed anything.
 */
const LAGGING: KvsConsistencyOptions = { queryLagMs: 3 * SECOND, queryLag: 'fixed', ttlLagMs: FORGE_TTL_DELETION_LAG_MS, ttlLag: 'fixed' };

const notes = (world: ChatWorld, key: string) =>
  world.sandbox.jira
    .comments(key)
    .filter((c) => !c.jsdPublic)
    .map((c) => JSON.stringify(c.body));

describe('the app on eventually consistent storage', () => {
  let world: ChatWorld;
  afterEach(() => world.close());

  async function accepted(): Promise<StartedChat> {
    const started = await world.start();
    await world.ok('offer.accept', { conversationId: started.conversationId }, 'agent-ana');
    return started;
  }

  it('Entity queries are eventually consistent: messages sent in a row all get through, in order, and both sides read every one (R23, R29)', async () => {
    world = await supportDesk(['agent-ana'], {}, { kvs: LAGGING });
    const chat = await accepted();
    const sent: number[] = [];
    for (const text of ['One', 'Two', 'Three'])
      sent.push((await world.ok<{ seq: number }>('chat.send', { conversationId: chat.conversationId, token: chat.token, text }, null)).seq);
    sent.push(
      (await world.ok<{ seq: number }>('conversation.send', { conversationId: chat.conversationId, text: 'Four' }, 'agent-ana')).seq
    );
    expect(sent).toEqual([3, 4, 5, 6]);
    expect((await world.me('agent-ana')).conversations[0].unread).toBe(3);

    const live = (messages: { seq: number; text: string }[]) => messages.filter((m) => m.seq > 2).map((m) => m.text);
    expect(live((await world.chat(chat)).messages)).toEqual(['One', 'Two', 'Three', 'Four']);
    expect(
      live(
        (
          await world.ok<{ messages: { seq: number; text: string }[] }>(
            'conversation.get',
            { conversationId: chat.conversationId },
            'agent-ana'
          )
        ).messages
      )
    ).toEqual(['One', 'Two', 'Three', 'Four']);
    // A page that read up to seq 4 asks for what came after it.
    expect((await world.chat(chat, 4)).messages.map((m) => m.text)).toEqual(['Three', 'Four']);
  });

  it('Entity queries are eventually consistent: the transcript holds the message sent just before the chat was resolved (R17)', async () => {
    world = await supportDesk(['agent-ana'], {}, { kvs: LAGGING });
    const chat = await accepted();
    await world.ok('chat.send', { conversationId: chat.conversationId, token: chat.token, text: 'Thanks, that fixed it' }, null);
    await world.ok('conversation.resolve', { conversationId: chat.conversationId }, 'agent-ana');
    await world.settle();
    const transcript = notes(world, chat.workItemKey).join('\n');
    expect(transcript).toContain('Thanks, that fixed it');
  });

  it('Entity queries are eventually consistent: an assignee changed right after an accept is put back to the agent who accepted (R16)', async () => {
    world = await supportDesk(['agent-ana'], {}, { kvs: LAGGING });
    const chat = await accepted();
    world.sandbox.jira.editIssueAsAutomation(chat.workItemKey, { assignee: 'agent-ben' });
    await world.advance(30 * SECOND);
    expect(world.sandbox.jira.getIssue(chat.workItemKey)?.fields.assignee).toBe('agent-ana');
    expect(notes(world, chat.workItemKey).filter((note) => note.includes('Only live chat routing assigns'))).toHaveLength(1);
  });

  it('Entity queries are eventually consistent: an assignee set the moment the chat started is undone (R16)', async () => {
    world = await supportDesk(['agent-ana'], {}, { kvs: LAGGING });
    const chat = await world.start();
    world.sandbox.jira.editIssueAsAutomation(chat.workItemKey, { assignee: 'agent-chen' }, 'admin-sup');
    await world.advance(30 * SECOND);
    expect(world.sandbox.jira.getIssue(chat.workItemKey)?.fields.assignee).toBeNull();
  });

  it('Entity queries are eventually consistent: a chat that joined the queue a moment before a slot freed is offered within seconds, and once (R6, R11)', async () => {
    world = await supportDesk(['agent-ana'], {}, { kvs: LAGGING });
    await world.setMaximum(1);
    const first = await accepted();
    const waiting = await world.start('SUP', 'customer-eli');
    expect(waiting.status).toBe('waiting');
    // The resolve's dispatch reads the queue through an index that does not show the new chat yet.
    await world.ok('conversation.resolve', { conversationId: first.conversationId }, 'agent-ana');
    await world.advance(5 * SECOND);
    expect((await world.me('agent-ana')).offers.map((o) => o.conversationId)).toEqual([waiting.conversationId]);
    await world.advance(30 * SECOND);
    expect((await world.me('agent-ana')).offers.map((o) => o.conversationId)).toEqual([waiting.conversationId]);
  });

  it('TTL deletion lags: a permission taken away stops working once its cached answer is over, though the KVS still holds it (R28)', async () => {
    world = await supportDesk(['agent-ana'], {}, { kvs: LAGGING });
    await world.ok('agent.setStatus', { status: 'on_break' }, 'agent-ana');
    world.sandbox.jira.setProjectRole('SUP', 'Service Desk Team', ['agent-ben', 'agent-chen']);
    world.closeInbox('agent-ana');
    await world.advance(6 * MINUTE);
    expect((await world.fails('agent.setStatus', { status: 'available' }, 'agent-ana')).code).toBe('forbidden');
  });
});
