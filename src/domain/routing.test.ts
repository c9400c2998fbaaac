import { eligibleAgents } from './eligibility';
import { pickAgent } from './round-robin';
import { spaceAgentIds } from './space';
import { accept, agent, decline, MINUTE, offers, ofType, play, request, site, space, T0, when } from './testing/fixtures';

describe('routing', () => {
  it('R1: only Available agents receive offers', () => {
    const given = site({
      spaces: [space('HELP', ['brk', 'hdn', 'awy', 'off', 'zed'])],
      agents: [
        agent('brk', { status: 'on_break' }),
        agent('hdn', { status: 'heads_down' }),
        agent('awy', { status: 'away' }),
        agent('off', { status: 'offline' }),
        agent('zed')
      ]
    });
    expect(offers(when(given, request('c1')).effects)).toEqual(['c1→zed']);
  });

  it('R2: an agent whose inbox sent no heartbeat for 2 minutes gets no offer, whatever their status', () => {
    const given = site({
      spaces: [space('HELP', ['ann', 'bob'])],
      agents: [agent('ann', { lastHeartbeatAt: T0 - 2 * MINUTE }), agent('bob', { lastHeartbeatAt: T0 - 2 * MINUTE + 1 })]
    });
    expect(offers(when(given, request('c1')).effects)).toEqual(['c1→bob']);
  });

  it('R3: the agents of a space are its team members when a team is set, else its agent permission holders', () => {
    const source = { teamMemberIds: ['tm1', 'tm2'], agentPermissionHolderIds: ['p1'] };
    expect(spaceAgentIds({ ...source, teamId: 'team-1' })).toEqual(['tm1', 'tm2']);
    expect(spaceAgentIds({ ...source, teamId: null })).toEqual(['p1']);
  });

  it('R3: an agent who is not an agent of the space gets no offer from it', () => {
    const given = site({ spaces: [space('HELP', ['ann']), space('OPS', ['bob'])], agents: [agent('ann'), agent('bob')] });
    expect(offers(when(given, request('c1', 'OPS')).effects)).toEqual(['c1→bob']);
  });

  it('R5: load counts accepted chats and pending offers across all spaces', () => {
    const given = site({
      spaces: [space('HELP', ['ann', 'bob']), space('OPS', ['ann'])],
      agents: [agent('ann'), agent('bob')],
      maxConversations: 2
    });
    const { state } = play(given, [
      [request('o1', 'OPS'), T0],
      [accept('o1', 'ann'), T0],
      [request('o2', 'OPS'), T0]
    ]);
    expect(eligibleAgents(Object.values(state.agents), 2, T0).map((a) => a.accountId)).toEqual(['bob']);
    expect(offers(when(state, request('h1', 'HELP')).effects)).toEqual(['h1→bob']);
  });

  it('R5: lowering the maximum never drops a running conversation', () => {
    const given = site({ spaces: [space('HELP', ['ann'])], agents: [agent('ann')], maxConversations: 3 });
    const running = play(given, [
      [request('c1'), T0],
      [accept('c1', 'ann'), T0],
      [request('c2'), T0]
    ]).state;
    const lowered = when(running, { type: 'setMaxConversations', maxConversations: 1 });
    expect(lowered.effects).toEqual([]);
    expect(lowered.state.conversations.c1?.status).toBe('active');
    expect(lowered.state.conversations.c2?.status).toBe('offered');
    expect(offers(when(lowered.state, request('c3')).effects)).toEqual([]);
  });

  it('R6: the offer goes to the eligible agent offered least recently, ties broken by account id', () => {
    const never = agent('cat');
    const candidates = [agent('ann', { lastOfferedAt: T0 - 1 }), agent('bob', { lastOfferedAt: T0 - 5 }), never, agent('abe')];
    expect(pickAgent(candidates, { maxConversations: 3, now: T0, skip: null })?.agent.accountId).toBe('abe');
    const offeredBefore = candidates.filter((a) => a.lastOfferedAt !== null);
    expect(pickAgent(offeredBefore, { maxConversations: 3, now: T0, skip: null })?.agent.accountId).toBe('bob');
  });

  it('R6: each conversation is offered to one agent at a time, and the offer reserves a unit of load', () => {
    const given = site({ spaces: [space('HELP', ['ann', 'bob'])], agents: [agent('ann'), agent('bob')], maxConversations: 1 });
    const { state, effects } = when(given, request('c1'));
    expect(offers(effects)).toEqual(['c1→ann']);
    expect(state.agents.ann?.offers).toEqual(['c1']);
    expect(offers(when(state, request('c2')).effects)).toEqual(['c2→bob']);
  });

  it('R6: offers rotate even when several share a millisecond', () => {
    const given = site({ spaces: [space('HELP', ['ann', 'bob'])], agents: [agent('ann'), agent('bob')], maxConversations: 5 });
    const { state } = play(given, [
      [request('c1'), T0],
      [request('c2'), T0],
      [request('c3'), T0]
    ]);
    expect(state.conversations.c3?.offer?.agentId).toBe('ann');
    expect(offers(when(state, request('c4')).effects)).toEqual(['c4→bob']);
  });

  it('R8: a decline goes to the next eligible agent', () => {
    const given = site({ spaces: [space('HELP', ['ann', 'bob'])], agents: [agent('ann'), agent('bob')] });
    const offered = when(given, request('c1')).state;
    expect(offers(when(offered, decline('c1', 'ann'), T0 + 1).effects)).toEqual(['c1→bob']);
  });

  it('R8: a decline by the only eligible agent is offered back to them', () => {
    const given = site({ spaces: [space('HELP', ['ann', 'bob'])], agents: [agent('ann'), agent('bob', { status: 'on_break' })] });
    const offered = when(given, request('c1')).state;
    const { state, effects } = when(offered, decline('c1', 'ann'), T0 + 1);
    expect(offers(effects)).toEqual(['c1→ann']);
    expect(state.conversations.c1?.offer?.attempt).toBe(2);
  });

  it('R8: a declined chat goes back to the queue at its first-come place when nobody else is eligible', () => {
    const given = site({
      spaces: [space('HELP', ['ann', 'bob'], { offerTimeoutSeconds: 300 })],
      agents: [agent('ann'), agent('bob', { lastHeartbeatAt: T0 - 5 * MINUTE })]
    });
    const { state } = when(given, request('c1'));
    // ann's heartbeat goes stale before she declines: she is no longer eligible, and bob never was.
    const declined = when(state, decline('c1', 'ann'), T0 + 2 * MINUTE);
    expect(offers(declined.effects)).toEqual([]);
    expect(declined.state.conversations.c1).toMatchObject({ status: 'waiting', requestedAt: T0, passedBy: 'ann' });
  });

  it('R10: with no agent Available with a fresh heartbeat the customer sees the fallback at once and the chat is missed', () => {
    const given = site({
      spaces: [space('HELP', ['ann', 'bob'])],
      agents: [agent('ann', { status: 'on_break' }), agent('bob', { lastHeartbeatAt: T0 - 3 * MINUTE })]
    });
    const { state, effects } = when(given, request('c1'));
    expect(effects).toEqual([
      { type: 'ended', conversationId: 'c1', outcome: { kind: 'missed', reason: 'noAgent' } },
      { type: 'fallback', conversationId: 'c1', projectKey: 'HELP' }
    ]);
    expect(state.conversations.c1?.status).toBe('missed');
  });

  it('R10: a space whose agents never opened the inbox misses at once', () => {
    const { effects } = when(site({ spaces: [space('HELP', ['ann'])] }), request('c1'));
    expect(ofType(effects, 'fallback')).toHaveLength(1);
  });
});
