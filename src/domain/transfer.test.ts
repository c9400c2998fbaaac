import type { SiteEvent } from './site-reducer';
import { pendingTimers } from './lifecycle/timers';
import {
  accept,
  agent,
  agentSays,
  customerEnd,
  decline,
  fire,
  MINUTE,
  ofType,
  pendingTimer,
  play,
  refused,
  request,
  resolve,
  SECOND,
  setStatus,
  T0,
  when
} from './testing/fixtures';
import { annChatting } from './testing/ann-chatting';

const toAgent = (conversationId: string, agentId: string, accountId: string): SiteEvent => ({
  type: 'transfer',
  conversationId,
  agentId,
  to: { accountId }
});
const toQueue = (conversationId: string, agentId: string, projectKey = 'HELP'): SiteEvent => ({
  type: 'transfer',
  conversationId,
  agentId,
  to: { projectKey }
});

const AT = T0 + MINUTE;

describe('Transfer (README "Operations beyond PRODUCT.md")', () => {
  it('Transfer: to an Available agent is an offer to them, reserving a unit of their load, while the assignee keeps the chat', () => {
    const { state, effects } = when(annChatting(), toAgent('c1', 'ann', 'bob'), AT);
    expect(effects).toEqual([
      { type: 'offer', conversationId: 'c1', agentId: 'bob', attempt: 2, expiresAt: AT + 60 * SECOND, transferFrom: 'ann' }
    ]);
    expect(state.conversations.c1).toMatchObject({
      status: 'active',
      assignee: 'ann',
      offer: { agentId: 'bob', expiresAt: AT + 60 * SECOND }
    });
    expect(state.agents.ann).toMatchObject({ active: ['c1'], offers: [] });
    expect(state.agents.bob).toMatchObject({ active: [], offers: ['c1'] });
    expect(pendingTimers(state.conversations.c1!)).toContainEqual({
      kind: 'offerTimeout',
      conversationId: 'c1',
      at: AT + 60 * SECOND,
      attempt: 2
    });
  });

  it('Transfer, R7: the new agent accepts: the chat and the work item pass to them, the first agent is told and freed', () => {
    const offered = when(annChatting(), toAgent('c1', 'ann', 'bob'), AT).state;
    const { state, effects } = when(offered, accept('c1', 'bob'), AT + 5 * SECOND);
    expect(effects).toEqual([
      { type: 'assign', conversationId: 'c1', agentId: 'bob' },
      { type: 'handedOver', conversationId: 'c1', from: 'ann', to: 'bob' }
    ]);
    expect(state.conversations.c1).toMatchObject({ status: 'active', assignee: 'bob', offer: null });
    expect(state.agents.ann).toMatchObject({ active: [], offers: [] });
    expect(state.agents.bob).toMatchObject({ active: ['c1'], offers: [] });
    // Nobody had replied: R13's clock restarts for the new assignee.
    expect(pendingTimers(state.conversations.c1!)).toEqual([
      { kind: 'replyReminder', conversationId: 'c1', at: AT + 5 * SECOND + 10 * MINUTE },
      { kind: 'replyExpiry', conversationId: 'c1', at: AT + 5 * SECOND + 20 * MINUTE }
    ]);
    expect(refused(state, resolve('c1', 'ann')).code).toBe('forbidden');
  });

  it('Transfer, R13: once an agent has replied, the accept starts no reply clock again (R17 keeps the first reply)', () => {
    const replied = when(annChatting(), agentSays('c1', 'ann'), T0 + 2 * SECOND).state;
    const offered = when(replied, toAgent('c1', 'ann', 'bob'), AT).state;
    const { state, effects } = when(offered, accept('c1', 'bob'), AT + SECOND);
    expect(pendingTimers(state.conversations.c1!)).toEqual([]);
    expect(ofType(when(state, agentSays('c1', 'bob'), AT + 2 * SECOND).effects, 'firstAgentReply')).toEqual([]);
    expect(effects.map((e) => e.type)).toEqual(['assign', 'handedOver']);
  });

  it("Transfer, R8: a decline leaves the chat with the first agent, running, and frees the new agent's slot", () => {
    const offered = when(annChatting(), toAgent('c1', 'ann', 'bob'), AT).state;
    const { state, effects } = when(offered, decline('c1', 'bob'), AT + SECOND);
    expect(effects).toEqual([
      { type: 'withdrawOffer', conversationId: 'c1', agentId: 'bob', attempt: 2, reason: 'declined' },
      { type: 'transferReturned', conversationId: 'c1', agentId: 'ann', to: 'bob', reason: 'declined' }
    ]);
    expect(state.conversations.c1).toMatchObject({ status: 'active', assignee: 'ann', offer: null });
    expect(state.agents.bob).toMatchObject({ offers: [], active: [] });
    // The assignee may try again.
    expect(ofType(when(state, toAgent('c1', 'ann', 'cy'), AT + 2 * SECOND).effects, 'offer')).toHaveLength(1);
  });

  it('Transfer, R9: an unanswered transfer offer comes back to the first agent at Offer timeout, and the target becomes Away', () => {
    const offered = when(annChatting(), toAgent('c1', 'ann', 'bob'), AT).state;
    const timer = pendingTimer(offered, 'offerTimeout', 'c1');
    expect(refused(offered, accept('c1', 'bob'), timer.at).message).toMatch(/expired/);
    const { state, effects } = when(offered, fire(timer), timer.at);
    expect(ofType(effects, 'transferReturned')).toEqual([
      { type: 'transferReturned', conversationId: 'c1', agentId: 'ann', to: 'bob', reason: 'timeout' }
    ]);
    expect(state.agents.bob).toMatchObject({ status: 'away', offers: [] });
    expect(state.conversations.c1).toMatchObject({ status: 'active', assignee: 'ann', offer: null });
  });

  it('Transfer, R1: the target leaving Available withdraws the transfer offer; the chat stays with the first agent', () => {
    const offered = when(annChatting(), toAgent('c1', 'ann', 'bob'), AT).state;
    const { state, effects } = when(offered, setStatus('bob', 'on_break'), AT + SECOND);
    expect(ofType(effects, 'transferReturned')).toEqual([
      { type: 'transferReturned', conversationId: 'c1', agentId: 'ann', to: 'bob', reason: 'unavailable' }
    ]);
    expect(state.conversations.c1).toMatchObject({ status: 'active', assignee: 'ann', offer: null });
  });

  it('Transfer, R14: the chat ending while a transfer is pending frees both agents and withdraws the offer', () => {
    const offered = when(annChatting(), toAgent('c1', 'ann', 'bob'), AT).state;
    for (const ending of [resolve('c1', 'ann'), customerEnd('c1')]) {
      const { state, effects } = when(offered, ending, AT + SECOND);
      expect(ofType(effects, 'withdrawOffer')).toEqual([
        { type: 'withdrawOffer', conversationId: 'c1', agentId: 'bob', attempt: 2, reason: 'ended' }
      ]);
      expect(state.agents.ann).toMatchObject({ active: [], offers: [] });
      expect(state.agents.bob).toMatchObject({ active: [], offers: [] });
    }
  });

  it('Transfer: refused, naming the field, for a target who is no agent of the space, not Available, or at the maximum', () => {
    const chatting = annChatting(1);
    const fieldOf = (event: SiteEvent, state = chatting) => {
      const error = refused(state, event, AT);
      return [error.code, error.fields?.map((f) => f.field)];
    };
    expect(fieldOf(toAgent('c1', 'ann', 'hana'))).toEqual(['invalid', ['to.accountId']]);
    expect(fieldOf(toAgent('c1', 'ann', 'ann'))).toEqual(['invalid', ['to.accountId']]);
    expect(fieldOf(toAgent('c1', 'ann', 'bob'), when(chatting, setStatus('bob', 'heads_down'), AT).state)).toEqual([
      'invalid',
      ['to.accountId']
    ]);
    // R2: a stale heartbeat counts as Offline.
    expect(
      fieldOf(toAgent('c1', 'ann', 'bob'), {
        ...chatting,
        agents: { ...chatting.agents, bob: agent('bob', { lastHeartbeatAt: T0 - 5 * MINUTE }) }
      })
    ).toEqual(['invalid', ['to.accountId']]);
    const busy = when(when(chatting, request('c2'), AT).state, accept('c2', 'bob'), AT).state;
    expect(refused(busy, toAgent('c1', 'ann', 'bob'), AT).message).toMatch(/maximum of 1/);
    expect(fieldOf(toQueue('c1', 'ann', 'HR'))).toEqual(['invalid', ['to.projectKey']]);
  });

  it('Transfer: refused for anyone but the assignee, a chat not running, or a transfer already pending', () => {
    const chatting = annChatting();
    expect(refused(chatting, toAgent('c1', 'bob', 'cy'), AT).code).toBe('forbidden');
    const pending = when(chatting, toAgent('c1', 'ann', 'bob'), AT).state;
    expect(refused(pending, toAgent('c1', 'ann', 'cy'), AT).message).toMatch(/already pending/);
    expect(refused(pending, toQueue('c1', 'ann'), AT).code).toBe('conflict');
    const resolved = when(chatting, resolve('c1', 'ann'), AT).state;
    expect(refused(resolved, toAgent('c1', 'ann', 'bob'), AT).code).toBe('conflict');
    const waiting = when(chatting, request('c2'), AT).state;
    expect(refused(waiting, toAgent('c2', 'ann', 'bob'), AT).code).toBe('forbidden');
  });

  it('Transfer, R11, R12: back to the queue it is routed as a new request, at its place by request time, Time to assign from now', () => {
    // Two waiting chats behind c1 (requested later), everyone else at the maximum of 1.
    const full = play(annChatting(1), [
      [request('c2'), T0 + 2 * SECOND],
      [accept('c2', 'bob'), T0 + 3 * SECOND],
      [request('c3'), T0 + 4 * SECOND],
      [accept('c3', 'cy'), T0 + 5 * SECOND],
      [request('c4'), T0 + 6 * SECOND],
      // ann keeps her chat but takes no new one: nobody is eligible.
      [setStatus('ann', 'heads_down'), T0 + 7 * SECOND]
    ]).state;
    const at = T0 + 90 * SECOND;
    const { state, effects } = when(full, toQueue('c1', 'ann'), at);
    expect(ofType(effects, 'handedOver')).toEqual([{ type: 'handedOver', conversationId: 'c1', from: 'ann', to: null }]);
    // c1 was asked for first: it waits ahead of c4.
    expect(ofType(effects, 'queuePositions')).toEqual([
      {
        type: 'queuePositions',
        projectKey: 'HELP',
        positions: [
          { conversationId: 'c1', position: 1 },
          { conversationId: 'c4', position: 2 }
        ]
      }
    ]);
    expect(state.conversations.c1).toMatchObject({ status: 'waiting', assignee: null, requeuedAt: at, requestedAt: T0 });
    expect(state.agents.ann).toMatchObject({ active: [] });
    expect(pendingTimers(state.conversations.c1!)).toEqual([{ kind: 'timeToAssign', conversationId: 'c1', at: at + 5 * MINUTE }]);
    // Becoming Available again, ann is the only eligible agent: the chat she passed comes back to her first (R8).
    const back = when(state, setStatus('ann', 'available'), at + SECOND);
    expect(ofType(back.effects, 'offer').map((o) => `${o.conversationId}→${o.agentId}`)).toEqual(['c1→ann']);
  });

  it('Transfer, R8: back to the queue, the first agent is skipped while another agent is eligible', () => {
    const chatting = annChatting();
    const { state, effects } = when(chatting, toQueue('c1', 'ann'), AT);
    expect(ofType(effects, 'offer').map((o) => o.agentId)).toEqual(['bob']);
    expect(ofType(effects, 'offer')[0]?.transferFrom).toBeUndefined();
    expect(state.agents.ann).toMatchObject({ active: [], offers: [] });
    const accepted = when(state, accept('c1', 'bob'), AT + SECOND);
    expect(accepted.effects).toEqual([{ type: 'assign', conversationId: 'c1', agentId: 'bob' }]);
  });
});
