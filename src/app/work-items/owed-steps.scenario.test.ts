import { SUPPORT_TEAM_ID } from '../../../sandbox/jira/demo-site';
import { ChatWorld, MINUTE, type StartedChat } from '../routing/testing/chat-world';
import type { ConversationItem } from '../routing/testing/routing-invariants';
import { deliverSpaceCreated } from '../spaces/testing/space-events';

/**
 * The outbox: a work item step a decision owes (R15 label, R7 assignee, R17 first reply and
 * transcript) is recorded with the decision and run at once by the invocation that made it;
 * Jira busy hands it to the job queue; and when that job is lost too, the sweep runs it again.
 * Each is done once, and leaves the chat's record when done.
 */
async function supportDesk(): Promise<ChatWorld> {
  const world = new ChatWorld();
  await deliverSpaceCreated(world.sandbox, 'SUP');
  await world.setUpSupport({ teamId: SUPPORT_TEAM_ID });
  await world.goOnline('agent-ana');
  return world;
}

const owed = (world: ChatWorld, chat: StartedChat) =>
  (world.entities<ConversationItem>('conversation').find((e) => e.key === chat.conversationId)?.value.details.workItemSteps ?? []).map(
    (s) => s.kind
  );
const transcripts = (world: ChatWorld, chat: StartedChat) =>
  world.sandbox.jira.comments(chat.workItemKey).filter((c) => !c.jsdPublic).length;
/** Jira answers this call busy once, and the retry the app queues for it is lost. */
const busyThenLost = (match: string | RegExp) => [
  { target: 'jira' as const, kind: 'http429' as const, match, times: 1 },
  { target: 'queue' as const, kind: 'drop' as const, match: 'work-item-jobs', times: 1 }
];

describe('work item steps owed by routing decisions', () => {
  let world: ChatWorld;
  beforeEach(() => jest.spyOn(console, 'warn').mockImplementation(() => undefined));
  afterEach(() => {
    world.close();
    jest.restoreAllMocks();
  });

  it('R7: the accept assigns the work item in its own invocation, and owes nothing afterwards', async () => {
    world = await supportDesk();
    const chat = await world.start();
    await world.ok('offer.accept', { conversationId: chat.conversationId }, 'agent-ana');
    expect(world.sandbox.jira.getIssue(chat.workItemKey)?.fields.assignee).toBe('agent-ana');
    expect(owed(world, chat)).toEqual([]);
    expect(world.sandbox.meter.snapshot().byDetail['queue.events work-item-jobs']).toBeUndefined();
  });

  it('R7: an assignment Jira was busy for, whose retry was lost, is made by the sweep', async () => {
    world = await supportDesk();
    const chat = await world.start();
    world.sandbox.faults.set(busyThenLost('/assignee'));
    await world.ok('offer.accept', { conversationId: chat.conversationId }, 'agent-ana');
    await world.advance(MINUTE);
    expect(world.sandbox.jira.getIssue(chat.workItemKey)?.fields.assignee).toBeNull();
    expect(owed(world, chat)).toEqual(['assign']);
    await world.advance(6 * MINUTE);
    expect(world.sandbox.jira.getIssue(chat.workItemKey)?.fields.assignee).toBe('agent-ana');
    expect(owed(world, chat)).toEqual([]);
  });

  it('R17: a transcript Jira was busy for, whose retry was lost, is written once by the sweep', async () => {
    world = await supportDesk();
    const chat = await world.start();
    await world.ok('offer.accept', { conversationId: chat.conversationId }, 'agent-ana');
    world.sandbox.faults.set(busyThenLost(`POST /rest/api/3/issue/${chat.workItemKey}/comment`));
    await world.ok('conversation.resolve', { conversationId: chat.conversationId }, 'agent-ana');
    await world.advance(MINUTE);
    expect(transcripts(world, chat)).toBe(0);
    await world.advance(6 * MINUTE);
    expect(transcripts(world, chat)).toBe(1);
    await world.advance(15 * MINUTE);
    expect(transcripts(world, chat)).toBe(1);
    expect(owed(world, chat)).toEqual([]);
  });

  it('R15: the label and Team Jira could not set at creation are owed by the chat, and set even when the retry is lost', async () => {
    world = await supportDesk();
    world.sandbox.faults.set([
      { target: 'jira', kind: 'http429', match: /^PUT \/rest\/api\/3\/issue\/SUP-1$/, times: 2 },
      { target: 'queue', kind: 'drop', match: 'work-item-jobs', times: 1 }
    ]);
    const chat = await world.start();
    expect(world.sandbox.jira.getIssue(chat.workItemKey)?.fields.labels).toEqual([]);
    expect(owed(world, chat)).toEqual(['label']);
    await world.advance(7 * MINUTE);
    expect(world.sandbox.jira.getIssue(chat.workItemKey)?.fields).toMatchObject({ labels: ['live-chat'], team: SUPPORT_TEAM_ID });
    expect(owed(world, chat)).toEqual([]);
  });

  it('R17: a first reply that could not be posted as the agent, whose retry was lost, is posted for them by the sweep', async () => {
    world = await supportDesk();
    const chat = await world.start();
    await world.ok('offer.accept', { conversationId: chat.conversationId }, 'agent-ana');
    world.sandbox.faults.set(busyThenLost(`POST /rest/servicedeskapi/request/${chat.workItemKey}/comment`));
    await world.ok('conversation.send', { conversationId: chat.conversationId, text: 'Hello, Ana here.' }, 'agent-ana');
    // The chat ends before the retry: the transcript holds the same words, and is not taken for the reply.
    await world.ok('conversation.resolve', { conversationId: chat.conversationId }, 'agent-ana');
    await world.advance(8 * MINUTE);
    const replies = world.sandbox.jira.comments(chat.workItemKey).filter((c) => c.jsdPublic);
    expect(replies).toHaveLength(1);
    expect(JSON.stringify(replies[0].body)).toContain('Hello, Ana here.');
    expect(owed(world, chat)).toEqual([]);
  });

  it('R14: a step job delivered twice at the same moment runs once', async () => {
    world = await supportDesk();
    const chat = await world.start();
    await world.ok('offer.accept', { conversationId: chat.conversationId }, 'agent-ana');
    world.sandbox.faults.set([
      { target: 'jira', kind: 'http5xx', match: `POST /rest/api/3/issue/${chat.workItemKey}/comment`, times: 1 },
      { target: 'queue', kind: 'duplicate', match: 'work-item-jobs' }
    ]);
    await world.ok('conversation.resolve', { conversationId: chat.conversationId }, 'agent-ana');
    await world.advance(2 * MINUTE);
    expect(transcripts(world, chat)).toBe(1);
    expect(owed(world, chat)).toEqual([]);
  });
});
