import { pendingTimers } from './lifecycle/timers';
import {
  accept,
  agent,
  agentSays,
  customerEnd,
  decline,
  fire,
  MINUTE,
  offers,
  ofType,
  pendingTimer,
  play,
  refused,
  request,
  resolve,
  SECOND,
  site,
  space,
  T0,
  when
} from './testing/fixtures';

const twoAgents = () =>
  site({
    spaces: [space('HELP', ['ann', 'bob'], { offerTimeoutSeconds: 60, timeToAssignMinutes: 5, timeToReplyMinutes: 10 })],
    agents: [agent('ann'), agent('bob')]
  });

describe('conversation lifecycle', () => {
  it('R7: accepting assigns the conversation and the work item to the agent and starts the chat', () => {
    const offered = when(twoAgents(), request('c1')).state;
    const { state, effects } = when(offered, accept('c1', 'ann'), T0 + 10 * SECOND);
    expect(effects).toEqual([{ type: 'assign', conversationId: 'c1', agentId: 'ann' }]);
    expect(pendingTimers(state.conversations.c1!)).toEqual([
      { kind: 'replyReminder', conversationId: 'c1', at: T0 + 10 * SECOND + 10 * MINUTE },
      { kind: 'replyExpiry', conversationId: 'c1', at: T0 + 10 * SECOND + 20 * MINUTE }
    ]);
    expect(state.conversations.c1).toMatchObject({ status: 'active', assignee: 'ann', offer: null });
    expect(state.agents.ann).toMatchObject({ offers: [], active: ['c1'] });
  });

  it('R7: an offer that was withdrawn or has expired cannot be accepted; a retried accept changes nothing', () => {
    const offered = when(twoAgents(), request('c1')).state;
    expect(refused(offered, accept('c1', 'bob')).code).toBe('conflict');
    expect(refused(offered, accept('c1', 'ann'), T0 + 60 * SECOND).message).toMatch(/expired/);
    const accepted = when(offered, accept('c1', 'ann')).state;
    expect(when(accepted, accept('c1', 'ann')).effects).toEqual([]);
    expect(refused(accepted, decline('c1', 'ann')).code).toBe('conflict');
  });

  it('R9: an offer not answered within Offer timeout counts as a decline and the agent becomes Away', () => {
    const { state } = when(twoAgents(), request('c1'));
    const timedOut = when(state, fire(pendingTimer(state, 'offerTimeout', 'c1')), T0 + 60 * SECOND);
    expect(ofType(timedOut.effects, 'withdrawOffer')).toEqual([
      { type: 'withdrawOffer', conversationId: 'c1', agentId: 'ann', attempt: 1, reason: 'timeout' }
    ]);
    expect(ofType(timedOut.effects, 'agentStatusChanged')).toEqual([
      { type: 'agentStatusChanged', agentId: 'ann', status: 'away', reason: 'offerTimeout' }
    ]);
    expect(offers(timedOut.effects)).toEqual(['c1→bob']);
  });

  it('R9: the only eligible agent who lets an offer time out is not offered it back; it waits at its first-come place', () => {
    const given = site({ spaces: [space('HELP', ['ann'], { offerTimeoutSeconds: 60 })], agents: [agent('ann')] });
    const { state, effects } = play(given, [
      [request('c1'), T0],
      [request('c2'), T0 + 1]
    ]);
    expect(offers(effects)).toEqual(['c2→ann']);
    const firstTimer = pendingTimer(when(given, request('c1')).state, 'offerTimeout', 'c1');
    const timedOut = when(state, fire(firstTimer), T0 + 60 * SECOND);
    expect(offers(timedOut.effects)).toEqual([]);
    expect(ofType(timedOut.effects, 'withdrawOffer').map((w) => [w.conversationId, w.reason])).toEqual([
      ['c1', 'timeout'],
      ['c2', 'unavailable'] // Away withdraws her other pending offer too
    ]);
    expect(ofType(timedOut.effects, 'queuePositions')).toEqual([
      {
        type: 'queuePositions',
        projectKey: 'HELP',
        positions: [
          { conversationId: 'c1', position: 1 },
          { conversationId: 'c2', position: 2 }
        ]
      }
    ]);
  });

  it('R9: the timeout timer of an earlier offer, or one that fires early, changes nothing', () => {
    const { state } = when(twoAgents(), request('c1'));
    const timer = pendingTimer(state, 'offerTimeout', 'c1');
    expect(when(state, fire(timer), T0 + 59 * SECOND).effects).toEqual([]);
    const reOffered = when(state, decline('c1', 'ann'), T0 + 1).state;
    expect(when(reOffered, fire(timer), T0 + 60 * SECOND).effects).toEqual([]);
  });

  it('R12: with no accept within Time to assign the chat is missed, the offer withdrawn and the customer sees the fallback', () => {
    const { state } = when(twoAgents(), request('c1'));
    const timer = pendingTimer(state, 'timeToAssign', 'c1');
    expect(timer.at).toBe(T0 + 5 * MINUTE);
    const missed = when(state, fire(timer), T0 + 5 * MINUTE);
    expect(missed.effects).toEqual([
      { type: 'withdrawOffer', conversationId: 'c1', agentId: 'ann', attempt: 1, reason: 'ended' },
      { type: 'ended', conversationId: 'c1', outcome: { kind: 'missed', reason: 'timeToAssign' } },
      { type: 'fallback', conversationId: 'c1', projectKey: 'HELP' }
    ]);
    expect(missed.state.agents.ann?.offers).toEqual([]);
  });

  it('R12: a waiting chat that reaches Time to assign is missed and the next one moves up', () => {
    const given = site({ spaces: [space('HELP', ['ann'], { timeToAssignMinutes: 1 })], agents: [agent('ann')], maxConversations: 1 });
    const { state } = play(given, [
      [request('c1'), T0],
      [accept('c1', 'ann'), T0],
      [request('w1'), T0 + 1],
      [request('w2'), T0 + 2]
    ]);
    const missed = when(state, fire({ kind: 'timeToAssign', conversationId: 'w1', at: T0 + 1 + MINUTE }), T0 + 1 + MINUTE);
    expect(ofType(missed.effects, 'ended').map((e) => e.conversationId)).toEqual(['w1']);
    expect(ofType(missed.effects, 'queuePositions')).toEqual([
      { type: 'queuePositions', projectKey: 'HELP', positions: [{ conversationId: 'w2', position: 1 }] }
    ]);
  });

  it('R12: an accepted chat ignores its Time to assign timer', () => {
    const { state, effects } = play(twoAgents(), [
      [request('c1'), T0],
      [accept('c1', 'ann'), T0 + 1]
    ]);
    expect(effects.length).toBeGreaterThan(0);
    expect(when(state, fire({ kind: 'timeToAssign', conversationId: 'c1', at: T0 + 5 * MINUTE }), T0 + 5 * MINUTE).effects).toEqual([]);
  });

  it('R13: without a reply the agent is reminded after Time to reply, and the chat expires after twice, still assigned', () => {
    const accepted = play(twoAgents(), [
      [request('c1'), T0],
      [accept('c1', 'ann'), T0]
    ]);
    const reminder = pendingTimer(accepted.state, 'replyReminder', 'c1');
    const expiry = pendingTimer(accepted.state, 'replyExpiry', 'c1');
    const reminded = when(accepted.state, fire(reminder), T0 + 10 * MINUTE);
    expect(reminded.effects).toEqual([{ type: 'notify', accountIds: ['ann'], conversationId: 'c1', reason: 'replyReminder' }]);
    expect(when(reminded.state, fire(reminder), T0 + 10 * MINUTE).effects).toEqual([]);
    const expired = when(reminded.state, fire(expiry), T0 + 20 * MINUTE);
    expect(expired.effects).toEqual([
      { type: 'ended', conversationId: 'c1', outcome: { kind: 'expired' } },
      { type: 'fallback', conversationId: 'c1', projectKey: 'HELP' }
    ]);
    expect(expired.state.conversations.c1).toMatchObject({ status: 'expired', assignee: 'ann' });
    expect(expired.state.agents.ann?.active).toEqual([]);
  });

  it('R13: the assigned agent’s first message stops the reply clock', () => {
    const accepted = play(twoAgents(), [
      [request('c1'), T0],
      [accept('c1', 'ann'), T0]
    ]);
    const replied = when(accepted.state, agentSays('c1', 'ann'), T0 + MINUTE);
    expect(replied.effects).toEqual([{ type: 'firstAgentReply', conversationId: 'c1', agentId: 'ann' }]);
    expect(when(replied.state, agentSays('c1', 'ann'), T0 + 2 * MINUTE).effects).toEqual([]);
    expect(when(replied.state, fire(pendingTimer(accepted.state, 'replyReminder', 'c1')), T0 + 10 * MINUTE).effects).toEqual([]);
    expect(when(replied.state, fire(pendingTimer(accepted.state, 'replyExpiry', 'c1')), T0 + 20 * MINUTE).effects).toEqual([]);
  });

  it('R14: the agent resolving ends the chat once; a second resolve or a late timer changes nothing', () => {
    const accepted = play(twoAgents(), [
      [request('c1'), T0],
      [accept('c1', 'ann'), T0]
    ]);
    expect(refused(accepted.state, resolve('c1', 'bob')).code).toBe('forbidden');
    const resolved = when(accepted.state, resolve('c1', 'ann'), T0 + MINUTE);
    expect(resolved.effects).toEqual([{ type: 'ended', conversationId: 'c1', outcome: { kind: 'resolved', by: 'agent' } }]);
    expect(when(resolved.state, resolve('c1', 'ann')).effects).toEqual([]);
    expect(when(resolved.state, customerEnd('c1')).effects).toEqual([]);
    expect(when(resolved.state, fire(pendingTimer(accepted.state, 'replyExpiry', 'c1')), T0 + 20 * MINUTE).effects).toEqual([]);
    expect(when(resolved.state, request('c1')).effects).toEqual([]);
  });

  it('R14: a customer ending the chat before accept resolves it and withdraws the pending offer', () => {
    const offered = when(twoAgents(), request('c1')).state;
    const ended = when(offered, customerEnd('c1'), T0 + 1);
    expect(ended.effects).toEqual([
      { type: 'withdrawOffer', conversationId: 'c1', agentId: 'ann', attempt: 1, reason: 'ended' },
      { type: 'ended', conversationId: 'c1', outcome: { kind: 'resolved', by: 'customer' } }
    ]);
    expect(ended.state.agents.ann?.offers).toEqual([]);
    expect(refused(ended.state, accept('c1', 'ann'), T0 + 2).code).toBe('conflict');
  });

  it('R14: a customer ending an active chat resolves it and frees the agent', () => {
    const { state } = play(twoAgents(), [
      [request('c1'), T0],
      [accept('c1', 'ann'), T0],
      [customerEnd('c1'), T0 + 1]
    ]);
    expect(state.conversations.c1?.outcome).toEqual({ kind: 'resolved', by: 'customer' });
    expect(state.agents.ann?.active).toEqual([]);
    expect(when(state, resolve('c1', 'ann')).effects).toEqual([]);
  });
});
