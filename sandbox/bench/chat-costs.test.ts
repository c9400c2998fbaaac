import { benchDesk, missedAtOnce, standardChat } from './chat-costs';
import { chatPages } from './pages';

/**
 * What `npm run bench` measures, kept honest by the suite: the platform cost of one standard
 * chat (request → offer → accept → 10 agent and 10 customer messages → resolve) within the
 * issue's ceiling of 30 invocations, 2 queue events and 5 Jira requests, and its KVS writes:
 * one per message, 32 in all (30 of the chat's own, the chat-start flood limit's window and RP1's
 * day record of the reports, counted into at the end; W1's record of the space's recent times to
 * accept rides on the accept's roster write); its realtime operations, the customer channel's one
 * token included, at 24; and no push refused for want of the app's token. With both pages open
 * (issue 12): at most 40 user invocations, 32 KVS writes and 25 realtime operations (the widget's
 * subscription; the chat view hears the inbox's), the pages applying what the pushes carry (pages.ts).
 */
describe('the cost of one chat', () => {
  beforeEach(() => {
    for (const level of ['log', 'warn', 'error'] as const) jest.spyOn(console, level).mockImplementation(() => undefined);
  });
  afterEach(() => jest.restoreAllMocks());

  it('a standard chat: 24 invocations, one timer event, 5 Jira requests, one KVS write per message, 24 realtime operations with its token, none refused', async () => {
    const world = await benchDesk();
    try {
      await standardChat(world, world.customer(0));
      const { total, steps } = await standardChat(world, world.customer(1));
      expect(total.invocations.total).toBeLessThanOrEqual(30);
      expect(total.invocations).toMatchObject({ resolver: 23, consumer: 1, productTrigger: 0 });
      expect(total.queueEvents).toBeLessThanOrEqual(2);
      expect(total.jiraRequests).toBeLessThanOrEqual(5);
      expect(total.kvsWrites).toBeLessThanOrEqual(32);
      expect(steps['accept (offer.accept: assignee set)'].kvsWrites).toBe(3); // W1's sample is in the roster write
      expect(steps['customer messages 1–10']).toMatchObject({ kvsWrites: 10, jiraRequests: 0, queueEvents: 0 });
      expect(steps['agent messages 2–10']).toMatchObject({ kvsWrites: 9, jiraRequests: 0, queueEvents: 0 });
      expect(total.logLines).toBe(0);
      // One publish a message, the offer (the offered agent's news of the chat too, R19), the accept, the end,
      // and the customer channel's one token, for the app's publishes and the widget's subscription (chat.start).
      expect(total.realtimeOps).toBeLessThanOrEqual(24);
      expect(steps['request (chat.start: work item, routed, offered)'].realtimeOps).toBe(2);
      expect(world.sandbox.meter.snapshot()['realtime.refused']).toBe(0);
    } finally {
      world.close();
    }
  });

  it('a standard chat with its two pages listening with the tokens their reads gave: no subscribe or push refused', async () => {
    const world = await benchDesk();
    try {
      const pages = await chatPages(world, 'agent-ana');
      await standardChat(world, world.customer(0), pages); // warms what a running installation keeps warm, as the bench does
      const { total } = await standardChat(world, world.customer(1), pages);
      expect(total.invocations.resolver + total.invocations.action).toBeLessThanOrEqual(40);
      expect(total.kvsWrites).toBeLessThanOrEqual(32);
      expect(total.realtimeOps).toBeLessThanOrEqual(25);
      const subscriptions = world.sandbox.meter.snapshot()['realtime.subscriptions'];
      expect(subscriptions).toBeGreaterThanOrEqual(2);
      expect(world.sandbox.realtime.subscriptions().every((s) => s.withToken)).toBe(true);
      expect(world.sandbox.meter.snapshot()['realtime.refused']).toBe(0);
    } finally {
      world.close();
    }
  });

  it('a chat missed at once: its work item, its close-out, no timer event', async () => {
    const world = await benchDesk();
    try {
      const { total } = await missedAtOnce(world, world.customer(0));
      expect(total).toMatchObject({ queueEvents: 0, jiraRequests: 4 });
      expect(total.invocations.total).toBe(1);
    } finally {
      world.close();
    }
  });
});
