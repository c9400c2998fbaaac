import { pendingTimers } from './lifecycle/timers';
import { queuePositionOf } from './queue';
import { accept, agent, decline, offers, ofType, play, request, resolve, site, space, T0, when } from './testing/fixtures';

/** Cases other live-chat systems (Chatwoot, Rocket.Chat, Zendesk) test for their routing, in our terms. */
describe('routing scenarios', () => {
  it('R6: among five agents, three on a break and two available, successive requests alternate between the two', () => {
    const given = site({
      spaces: [space('HELP', ['a1', 'a2', 'a3', 'a4', 'a5'])],
      agents: [
        agent('a1', { status: 'on_break' }),
        agent('a2'),
        agent('a3', { status: 'on_break' }),
        agent('a4'),
        agent('a5', { status: 'on_break' })
      ],
      maxConversations: 10
    });
    const { effects, state } = ['c1', 'c2', 'c3', 'c4'].reduce(
      (current, id, i) => {
        const next = when(current.state, request(id), T0 + i);
        return { state: next.state, effects: [...current.effects, ...offers(next.effects)] };
      },
      { state: given, effects: [] as string[] }
    );
    expect(effects).toEqual(['c1→a2', 'c2→a4', 'c3→a2', 'c4→a4']);
    expect(Object.values(state.agents).map((a) => a.offers.length)).toEqual([0, 2, 0, 2, 0]);
  });

  it('R5: an agent at the maximum is skipped and the next one gets the offer', () => {
    const given = site({
      spaces: [space('HELP', ['ann', 'bob'])],
      agents: [agent('ann', { active: ['x1', 'x2'] }), agent('bob', { lastOfferedAt: T0 - 1 })],
      maxConversations: 2
    });
    expect(offers(when(given, request('c1')).effects)).toEqual(['c1→bob']);
  });

  it('R10: with nobody available the fallback is immediate', () => {
    const given = site({
      spaces: [space('HELP', ['ann', 'bob'])],
      agents: [agent('ann', { status: 'away' }), agent('bob', { status: 'offline' })]
    });
    const { state, effects } = when(given, request('c1'));
    expect(ofType(effects, 'fallback')).toEqual([{ type: 'fallback', conversationId: 'c1', projectKey: 'HELP' }]);
    expect(pendingTimers(state.conversations.c1!)).toEqual([]);
  });

  it('R11: two waiting customers see positions 1 and 2, and when a slot frees the first is offered and the second becomes 1', () => {
    const given = site({ spaces: [space('HELP', ['ann'])], agents: [agent('ann')], maxConversations: 1 });
    const first = play(given, [
      [request('c1'), T0],
      [accept('c1', 'ann'), T0],
      [request('w1'), T0 + 1]
    ]);
    const second = when(first.state, request('w2'), T0 + 2);
    expect([...ofType(first.effects, 'queuePositions'), ...ofType(second.effects, 'queuePositions')]).toEqual([
      { type: 'queuePositions', projectKey: 'HELP', positions: [{ conversationId: 'w1', position: 1 }] },
      { type: 'queuePositions', projectKey: 'HELP', positions: [{ conversationId: 'w2', position: 2 }] }
    ]);
    const conversations = () => Object.values(second.state.conversations);
    expect([queuePositionOf(conversations(), 'w1'), queuePositionOf(conversations(), 'w2')]).toEqual([1, 2]);
    const freed = when(second.state, resolve('c1', 'ann'), T0 + 3);
    expect(offers(freed.effects)).toEqual(['w1→ann']);
    expect(ofType(freed.effects, 'queuePositions')).toEqual([
      { type: 'queuePositions', projectKey: 'HELP', positions: [{ conversationId: 'w2', position: 1 }] }
    ]);
    expect(queuePositionOf(Object.values(freed.state.conversations), 'w1')).toBeNull();
  });

  it('R6: with two requests and one free slot exactly one is offered', () => {
    const given = site({ spaces: [space('HELP', ['ann'])], agents: [agent('ann')], maxConversations: 1 });
    const { state } = play(given, [
      [request('c1'), T0],
      [request('c2'), T0]
    ]);
    expect(state.agents.ann?.offers).toEqual(['c1']);
    expect(state.conversations.c2?.status).toBe('waiting');
    const afterDecline = when(state, decline('c1', 'ann'), T0 + 1);
    expect(offers(afterDecline.effects)).toEqual(['c1→ann']); // R8: ann is the only eligible agent, c1 came first
    expect(afterDecline.state.agents.ann?.offers).toEqual(['c1']);
  });
});
