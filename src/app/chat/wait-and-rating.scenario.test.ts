import type { CommentRecord } from '../../../sandbox/jira/site-model';
import { ChatWorld, MINUTE, supportDesk, type StartedChat } from '../routing/testing/chat-world';

const text = (comment: CommentRecord) => JSON.stringify(comment.body);

describe('estimated wait (W1) and rating after the chat (X1)', () => {
  let world: ChatWorld;
  afterEach(() => world.close());

  /** A chat of customer `n` that ana accepts `afterMs` after it was asked for, then resolves. */
  async function acceptedAfter(n: number, afterMs: number): Promise<StartedChat> {
    const chat = await world.start('SUP', world.customer(n));
    await world.advance(afterMs);
    await world.ok('offer.accept', { conversationId: chat.conversationId }, 'agent-ana');
    return chat;
  }

  it('W1: a waiting customer sees a range from the space’s recent times to accept, wider further back in the queue', async () => {
    world = await supportDesk(['agent-ana'], { offerTimeoutSeconds: 600 });
    await world.setMaximum(1);
    for (const [n, minutes] of [
      [1, 2],
      [2, 3],
      [3, 4]
    ]) {
      const chat = await acceptedAfter(n, minutes * MINUTE);
      await world.ok('conversation.resolve', { conversationId: chat.conversationId }, 'agent-ana');
    }
    await acceptedAfter(4, 0); // ana is at her maximum now
    const next = await world.start('SUP', world.customer(5));
    await world.advance(1_000); // FCFS: a later request, not one of the same millisecond (those are ordered by id)
    const after = await world.start('SUP', world.customer(6));
    expect(await world.chat(next)).toMatchObject({ status: 'waiting', queuePosition: 1, waitEstimate: { minMinutes: 1, maxMinutes: 4 } });
    expect(await world.chat(after)).toMatchObject({ status: 'waiting', queuePosition: 2, waitEstimate: { minMinutes: 3, maxMinutes: 7 } });
    // The accept times ride on the agents' roster, which each accept writes anyway: no item of their own.
    expect(world.entities('chat-feedback')).toEqual([]);
    expect(world.sandbox.kvs.dump().keys.find((item) => item.key === 'accept-times:SUP')).toBeUndefined();
    expect(world.entities<{ acceptTimes?: Record<string, number[]> }>('agent-roster')[0].value.acceptTimes).toEqual({
      SUP: [2 * MINUTE, 3 * MINUTE, 4 * MINUTE, 0]
    });
  });

  it('W1: with fewer than 3 accepts there is no estimate, only the queue position', async () => {
    world = await supportDesk(['agent-ana']);
    await world.setMaximum(1);
    await acceptedAfter(1, MINUTE);
    const waiting = await world.start('SUP', world.customer(2));
    const view = await world.chat(waiting);
    expect(view).toMatchObject({ status: 'waiting', queuePosition: 1 });
    expect(view).not.toHaveProperty('waitEstimate');
  });

  it('W1: a poll costs the same KVS reads after 3 accepts as after 25 (the record is one key of the last 20)', async () => {
    const pollReads = async (accepts: number) => {
      world = await supportDesk(['agent-ana'], { offerTimeoutSeconds: 600 });
      await world.setMaximum(1);
      for (let n = 1; n <= accepts; n++) {
        const chat = await acceptedAfter(n, MINUTE);
        await world.ok('conversation.resolve', { conversationId: chat.conversationId }, 'agent-ana');
      }
      await acceptedAfter(accepts + 1, 0);
      const waiting = await world.start('SUP', world.customer(accepts + 2));
      await world.chat(waiting);
      world.sandbox.meter.reset();
      expect((await world.chat(waiting)).waitEstimate).toEqual({ minMinutes: 1, maxMinutes: 2 });
      const reads = world.sandbox.meter.snapshot()['kvs.reads'];
      world.close();
      return reads;
    };
    const few = await pollReads(3);
    expect(await pollReads(25)).toBe(few);
    world = new ChatWorld();
  });

  describe('rating', () => {
    async function resolvedChat(): Promise<StartedChat> {
      world = await supportDesk(['agent-ana']);
      const chat = await acceptedAfter(1, 0);
      await world.ok('conversation.send', { conversationId: chat.conversationId, text: 'Try turning it off and on.' }, 'agent-ana');
      await world.ok('conversation.resolve', { conversationId: chat.conversationId }, 'agent-ana');
      await world.settle();
      return chat;
    }
    const rate = (chat: StartedChat, body: Record<string, unknown>) =>
      world.call('chat.rate', { conversationId: chat.conversationId, token: chat.token, ...body }, world.customer(1), 'SUP');

    it('X1: the customer rates an ended chat: label and internal comment on the work item, shown in the issue panel, counted per space', async () => {
      const chat = await resolvedChat();
      expect(await rate(chat, { stars: 4, comment: 'Quick and friendly.' })).toEqual({ stars: 4, workItemKey: chat.workItemKey });
      expect(world.sandbox.jira.getIssue(chat.workItemKey)?.fields.labels).toContain('live-chat-rating-4');
      const notes = world.sandbox.jira.comments(chat.workItemKey).filter((c) => !c.jsdPublic && text(c).includes('Live chat rating'));
      expect(notes).toHaveLength(1);
      expect(text(notes[0])).toContain('4 of 5');
      expect(text(notes[0])).toContain('Quick and friendly.');
      const panel = await world.sandbox.invoke({ operation: 'conversation.get', payload: {}, as: 'agent-ana', issueKey: chat.workItemKey });
      expect(panel).toMatchObject({ rating: { stars: 4, comment: 'Quick and friendly.' } });
      expect(world.entities('chat-feedback').find((e) => e.key === 'ratings:SUP')?.value).toMatchObject({
        record: { counts: [0, 0, 0, 1, 0], total: 1, sum: 4 }
      });
    });

    it('X1: once per chat: a second rating is refused (conflict) and counts nothing', async () => {
      const chat = await resolvedChat();
      await rate(chat, { stars: 5 });
      expect(await rate(chat, { stars: 1 })).toMatchObject({ error: { code: 'conflict' } });
      expect(await rate(chat, { stars: 5 })).toMatchObject({ error: { code: 'conflict' } });
      expect(world.entities('chat-feedback').find((e) => e.key === 'ratings:SUP')?.value).toMatchObject({ record: { total: 1 } });
      expect(world.sandbox.jira.getIssue(chat.workItemKey)?.fields.labels).not.toContain('live-chat-rating-1');
    });

    it('X1: Jira busy: the rating is kept and the same rating sent again finishes the work item once', async () => {
      const chat = await resolvedChat();
      world.sandbox.faults.set([{ target: 'jira', kind: 'http5xx', times: 1, match: /PUT .*issue\// }]);
      expect(await rate(chat, { stars: 3 })).toMatchObject({ error: { code: 'unavailable' } });
      expect(await rate(chat, { stars: 3 })).toEqual({ stars: 3, workItemKey: chat.workItemKey });
      expect(world.sandbox.jira.comments(chat.workItemKey).filter((c) => text(c).includes('Live chat rating'))).toHaveLength(1);
      expect(world.entities('chat-feedback').find((e) => e.key === 'ratings:SUP')?.value).toMatchObject({ record: { total: 1 } });
    });

    it('X1: the kept rating sent twice at once (a double click, a retry on its way) adds one comment: the second waits for the first', async () => {
      const chat = await resolvedChat();
      world.sandbox.faults.set([{ target: 'jira', kind: 'http5xx', times: 1, match: /PUT .*issue\// }]);
      expect(await rate(chat, { stars: 3 })).toMatchObject({ error: { code: 'unavailable' } });
      const answers = await Promise.all([rate(chat, { stars: 3 }), rate(chat, { stars: 3 })]);
      expect(answers).toContainEqual({ stars: 3, workItemKey: chat.workItemKey });
      expect(answers.map((a) => ('error' in a ? (a as { error: { code: string } }).error.code : 'ok')).sort()).toEqual([
        'ok',
        'unavailable'
      ]);
      expect(world.sandbox.jira.comments(chat.workItemKey).filter((c) => text(c).includes('Live chat rating'))).toHaveLength(1);
      expect(world.entities('chat-feedback').find((e) => e.key === 'ratings:SUP')?.value).toMatchObject({ record: { total: 1 } });
    });

    it('X1: a first rating sent twice at once is taken once, one comment, counted once', async () => {
      const chat = await resolvedChat();
      const answers = await Promise.all([rate(chat, { stars: 2 }), rate(chat, { stars: 2 })]);
      expect(answers).toContainEqual({ stars: 2, workItemKey: chat.workItemKey });
      expect(world.sandbox.jira.comments(chat.workItemKey).filter((c) => text(c).includes('Live chat rating'))).toHaveLength(1);
      expect(world.entities('chat-feedback').find((e) => e.key === 'ratings:SUP')?.value).toMatchObject({ record: { total: 1 } });
    });

    it.each<[string, Record<string, unknown>, string]>([
      ['0 stars', { stars: 0 }, 'stars'],
      ['6 stars', { stars: 6 }, 'stars'],
      ['"five" stars', { stars: 'five' }, 'stars'],
      ['a comment of 1,001 characters', { stars: 4, comment: 'x'.repeat(1001) }, 'comment']
    ])('X1: %s is refused as invalid, naming the field, and nothing is stored', async (_name, body, field) => {
      const chat = await resolvedChat();
      const answer = (await rate(chat, body)) as { error: { code: string; fields: Record<string, string> } };
      expect(answer.error.code).toBe('invalid');
      expect(Object.keys(answer.error.fields)).toEqual([field]);
      expect(world.entities('chat-feedback')).toEqual([]);
    });

    it('X1: a running chat cannot be rated yet; the wrong secret is refused (R24)', async () => {
      world = await supportDesk(['agent-ana']);
      const chat = await acceptedAfter(1, 0);
      expect(await rate(chat, { stars: 5 })).toMatchObject({ error: { code: 'conflict' } });
      await world.ok('conversation.resolve', { conversationId: chat.conversationId }, 'agent-ana');
      expect(await rate({ ...chat, token: 'not-the-secret' }, { stars: 5 })).toMatchObject({ error: { code: 'forbidden' } });
    });
  });
});
