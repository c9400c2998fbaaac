import { ChatWorld, MINUTE, SECOND, supportDesk, type StartedChat } from '../routing/testing/chat-world';

interface Quantile {
  seconds: number;
  over: boolean;
}
interface ReportAnswer {
  days: string[];
  perDay: { day: string; chats: number; missed: number }[];
  total: Record<string, unknown> & {
    chats: number;
    timeToAssign: { samples: number; median: Quantile | null; p90: Quantile | null };
    timeToFirstReply: { samples: number; median: Quantile | null; p90: Quantile | null };
    ratings: { count: number; average: number | null };
  };
  spaces: { projectKey: string; figures: Record<string, unknown> }[];
  agents: { accountId: string; figures: Record<string, unknown> }[];
  names: Record<string, string>;
  csv: string;
  spaceNames?: Record<string, string>;
}

describe('reports (RP1–RP5)', () => {
  let world: ChatWorld;
  afterEach(() => world.close());

  const spaceReport = (days = 7) => world.ok<ReportAnswer>('space.report', { projectKey: 'SUP', days }, 'admin-sup', 'SUP');

  /** Dana's chat: ana accepts after 40 s, replies 20 s later, resolves; Dana rates it 5. */
  async function servedChat(n = 1): Promise<StartedChat> {
    const chat = await world.start('SUP', world.customer(n));
    await world.advance(40 * SECOND);
    await world.ok('offer.accept', { conversationId: chat.conversationId }, 'agent-ana');
    await world.advance(20 * SECOND);
    await world.ok('conversation.send', { conversationId: chat.conversationId, text: 'Hello, Ana here.' }, 'agent-ana');
    await world.ok('conversation.resolve', { conversationId: chat.conversationId }, 'agent-ana');
    await world.settle();
    await world.ok('chat.rate', { conversationId: chat.conversationId, token: chat.token, stars: 5 }, world.customer(n), 'SUP');
    return chat;
  }

  it('RP1–RP4: a served chat counts its request, accept, first reply, end and rating, for the space and its agent', async () => {
    world = await supportDesk(['agent-ana'], { offerTimeoutSeconds: 600 });
    await servedChat();
    const report = await spaceReport();
    expect(report.days).toHaveLength(7);
    expect(report.perDay.at(-1)).toMatchObject({ chats: 1, missed: 0 });
    expect(report.total).toMatchObject({
      chats: 1,
      accepted: 1,
      resolved: 1,
      missedRate: 0,
      timeToAssign: { samples: 1, median: { seconds: 45, over: false }, p90: { seconds: 45, over: false } },
      timeToFirstReply: { samples: 1, median: { seconds: 20, over: false } },
      ratings: { count: 1, average: 5, stars: [0, 0, 0, 0, 1] }
    });
    expect(report.agents).toEqual([
      {
        accountId: 'agent-ana',
        figures: expect.objectContaining({ accepted: 1, resolved: 1, ratings: expect.objectContaining({ count: 1 }) })
      }
    ]);
    expect(report.names['agent-ana']).toBe('Ana Souza');
    expect(report.csv.split('\r\n')[3]).toMatch(/^agent,,Ana Souza,/);
  });

  it('RP2: missed with no agent (R10), after Time to assign (R12) and expired (R13) each count, and the missed rate is their share', async () => {
    world = await supportDesk([], { timeToAssignMinutes: 1, timeToReplyMinutes: 1, offerTimeoutSeconds: 600 });
    await world.start('SUP', world.customer(1)); // R10: nobody Available
    await world.goOnline('agent-ana');
    await world.start('SUP', world.customer(2)); // R12: offered, never accepted
    await world.advance(2 * MINUTE);
    const third = await world.start('SUP', world.customer(3)); // R13: accepted, never answered
    await world.ok('offer.accept', { conversationId: third.conversationId }, 'agent-ana');
    await world.advance(3 * MINUTE);
    await world.settle();
    const { total } = await spaceReport();
    expect(total).toMatchObject({ chats: 3, missedNoAgent: 1, missedTimeToAssign: 1, expired: 1, resolved: 0, missedRate: 1 });
  });

  it('RP1: retries count once: an accept sent twice, a decision whose transaction conflicts, timers delivered twice, a rating sent again', async () => {
    world = await supportDesk(['agent-ana'], { offerTimeoutSeconds: 600, timeToAssignMinutes: 1 });
    world.sandbox.faults.set([
      { target: 'kvs', kind: 'conflict', match: 'transaction', times: 3 },
      { target: 'queue', kind: 'duplicate', probability: 1 }
    ]);
    const chat = await world.start('SUP', world.customer(1));
    await world.advance(10 * SECOND);
    await world.ok('offer.accept', { conversationId: chat.conversationId }, 'agent-ana');
    await world.ok('offer.accept', { conversationId: chat.conversationId }, 'agent-ana');
    await world.ok('conversation.send', { conversationId: chat.conversationId, text: 'Hi' }, 'agent-ana');
    await world.ok('conversation.send', { conversationId: chat.conversationId, text: 'Still there?' }, 'agent-ana');
    world.sandbox.faults.set([
      { target: 'jira', kind: 'http5xx', times: 1, match: /PUT .*issue\// },
      { target: 'queue', kind: 'duplicate', probability: 1 }
    ]);
    await world.ok('conversation.resolve', { conversationId: chat.conversationId }, 'agent-ana');
    await world.settle();
    const rate = () =>
      world.call('chat.rate', { conversationId: chat.conversationId, token: chat.token, stars: 2 }, world.customer(1), 'SUP');
    expect(await rate()).toMatchObject({ error: { code: 'unavailable' } }); // kept and counted; Jira busy for the label
    expect(await rate()).toEqual({ stars: 2, workItemKey: chat.workItemKey });
    await world.start('SUP', world.customer(2)); // offered to ana, never accepted: R12 by a timer delivered twice
    await world.advance(2 * MINUTE);
    await world.settle();
    const { total } = await spaceReport();
    expect(total).toMatchObject({
      chats: 2,
      accepted: 1,
      resolved: 1,
      missedTimeToAssign: 1,
      timeToAssign: expect.objectContaining({ samples: 1 }),
      timeToFirstReply: expect.objectContaining({ samples: 1 }),
      ratings: expect.objectContaining({ count: 1, average: 2 })
    });
  });

  it('RP1: a report of 30 days reads one record per day (30 reads of the day records, 23 more than 7 days), and writes nothing', async () => {
    world = await supportDesk(['agent-ana'], { offerTimeoutSeconds: 600 });
    await servedChat();
    await spaceReport(7); // the admin's permission answer is kept: both reads below are the report's
    const measure = async (days: number) => {
      world.sandbox.meter.reset();
      await spaceReport(days);
      const usage = world.sandbox.meter.snapshot();
      return { reads: usage['kvs.reads'] ?? 0, writes: usage['kvs.writes'] ?? 0 };
    };
    const week = await measure(7);
    const month = await measure(30);
    expect(month.reads - week.reads).toBe(23);
    expect(month.reads).toBeLessThanOrEqual(30 + 2);
    expect(month.writes).toBe(0);
  });

  it('RP1: a decision writes its day record in its own transaction: one item per space and day, nothing per chat', async () => {
    world = await supportDesk(['agent-ana'], { offerTimeoutSeconds: 600 });
    await servedChat(1);
    await servedChat(2);
    const days = world.entities<{ counts: { requested: number } }>('report-day');
    expect(days).toHaveLength(1);
    expect(days[0].key).toMatch(/^SUP:\d{4}-\d{2}-\d{2}$/);
    expect(days[0].value.counts.requested).toBe(2);
  });

  it('RP1, R28: only the space’s admins (or a site admin) read its report, and only of the page’s space; 7 or 30 days', async () => {
    world = await supportDesk(['agent-ana']);
    expect(await world.fails('space.report', { projectKey: 'SUP', days: 7 }, 'agent-ana', 'SUP')).toMatchObject({ code: 'forbidden' });
    expect(await world.fails('space.report', { projectKey: 'SUP', days: 7 }, 'admin-hr', 'SUP')).toMatchObject({ code: 'forbidden' });
    expect(await world.fails('space.report', { projectKey: 'HR', days: 7 }, 'admin-sup', 'SUP')).toMatchObject({ code: 'invalid' });
    expect(await world.fails('space.report', { projectKey: 'SUP', days: 14 }, 'admin-sup', 'SUP')).toMatchObject({
      code: 'invalid',
      fields: { days: 'must be 7 or 30' }
    });
    expect(await world.fails('site.report', { days: 7 }, 'admin-sup')).toMatchObject({ code: 'forbidden' });
    await world.ok('space.report', { projectKey: 'SUP', days: 30 }, 'admin', 'SUP');
  });

  it('RP1: the site report adds up every space, per space and per agent', async () => {
    world = await supportDesk(['agent-ana'], { offerTimeoutSeconds: 600 });
    await servedChat();
    const report = await world.ok<ReportAnswer>('site.report', { days: 30 }, 'admin');
    expect(report.days).toHaveLength(30);
    expect(report.total.chats).toBe(1);
    expect(report.spaces.map((s) => s.projectKey)).toEqual(['SUP']);
    expect(report.spaceNames).toMatchObject({ SUP: 'Support', HR: expect.any(String) });
    expect(report.csv).toContain('\r\nspace,SUP,');
  });
});
