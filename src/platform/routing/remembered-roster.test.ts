import { Sandbox } from '../../../sandbox/runtime/sandbox';
import { runInInvocation } from '../../../sandbox/runtime/invocation-context';
import { newAgent, newConversation, type Conversation } from '../../domain';
import type { ConversationDetails, RoutingWrite } from '../../app/ports/routing-store';
import { kvsRoutingStore } from './kvs-routing-store';

const details: ConversationDetails = {
  summary: 'Laptop',
  aiTurns: 0,
  workItemKey: 'SUP-1',
  tokenHash: 'hash',
  channel: 'channel',
  customerAccountId: null,
  customerName: 'Dana',
  agentName: null,
  participants: []
};
const waiting = newConversation({
  id: 'c1',
  projectKey: 'SUP',
  requestedAt: 0,
  timing: { timeToAssignMs: 60_000, offerTimeoutMs: 30_000, timeToReplyMs: 60_000 }
});
const write = (parts: Partial<RoutingWrite>): RoutingWrite => ({
  agents: [],
  presence: [],
  conversations: [],
  messages: [],
  aiTurns: [],
  history: [],
  ...parts
});
const chat = (conversation: Conversation, expectedVersion: number | null, wasWaiting: boolean) => ({
  conversation,
  details,
  expectedVersion,
  wasWaiting
});

/**
 * The remembered roster (kvs-agent-roster.ts) under R6: a decision retried after a conflict reads
 * the chats afresh, so it must read the agents afresh too, or it decides on a chat offered since
 * with an agent entry from before the offer (an ended chat's offer was then never withdrawn).
 */
describe('the routing store after a conflict', () => {
  let sandbox: Sandbox;
  beforeEach(() => {
    sandbox = new Sandbox();
  });
  afterEach(() => sandbox.close());
  const inInvocation = <T>(fn: () => Promise<T>) =>
    runInInvocation({ functionKey: 'resolver', moduleKey: 'test', startedAt: 0, timeoutMs: 25_000, license: undefined }, fn);

  it('R6: forgets every remembered roster entry, also when its own write changed no agent', async () => {
    await inInvocation(async () => {
      const decider = kvsRoutingStore();
      const other = kvsRoutingStore();
      expect(await other.commit(write({ conversations: [chat(waiting, null, false)] }))).toBe('committed');
      // The decider reads the agent (remembered), then another invocation offers c1 to them.
      expect((await decider.agents(['agent-ana']))[0]?.agent.offers).toEqual([]);
      const offered: Conversation = {
        ...waiting,
        status: 'offered',
        offer: { agentId: 'agent-ana', offeredAt: 1, expiresAt: 30_001, attempt: 1 }
      };
      const ana = { ...newAgent('agent-ana'), status: 'available' as const, offers: ['c1'] };
      expect(
        await other.commit(
          write({ agents: [{ agent: ana, statusReason: null, expectedVersion: null }], conversations: [chat(offered, 1, true)] })
        )
      ).toBe('committed');
      // The decider's write on the chat as it read it (waiting, version 1) fails: it changes no agent.
      const ended: Conversation = { ...waiting, status: 'resolved', outcome: { kind: 'resolved', by: 'customer' }, endedAt: 2 };
      expect(await decider.commit(write({ conversations: [chat(ended, 1, true)] }))).toBe('conflict');
      // Its next attempt sees the offer on both sides.
      expect((await decider.conversations(['c1']))[0]?.conversation.offer?.agentId).toBe('agent-ana');
      expect((await decider.agents(['agent-ana']))[0]?.agent.offers).toEqual(['c1']);
    });
  });
});
