import { heartbeatDispatches } from './lifecycle/agent-status';
import {
  accept,
  agent,
  heartbeat,
  MINUTE,
  offers,
  ofType,
  play,
  refused,
  request,
  setStatus,
  site,
  space,
  T0,
  when
} from './testing/fixtures';

describe('agent availability', () => {
  it.each(['on_break', 'heads_down'] as const)(
    'R1: an agent who goes %s keeps their chats, and their pending offers go to someone else',
    (status) => {
      const given = site({ spaces: [space('HELP', ['ann', 'bob'])], agents: [agent('ann'), agent('bob', { lastOfferedAt: T0 })] });
      const { state } = play(given, [
        [request('c1'), T0], // → ann
        [accept('c1', 'ann'), T0],
        [request('c2'), T0 + 1], // → bob
        [request('c3'), T0 + 2] // → ann
      ]);
      const away = when(state, setStatus('ann', status), T0 + 3);
      expect(ofType(away.effects, 'withdrawOffer')).toEqual([
        { type: 'withdrawOffer', conversationId: 'c3', agentId: 'ann', attempt: 1, reason: 'unavailable' }
      ]);
      expect(offers(away.effects)).toEqual(['c3→bob']);
      expect(away.state.agents.ann).toMatchObject({ status, active: ['c1'], offers: [] });
      expect(offers(when(away.state, request('c4'), T0 + 4).effects)).toEqual(['c4→bob']);
    }
  );

  it('R1: a withdrawn offer with nobody else eligible waits, and is not offered back while the agent is away', () => {
    const given = site({ spaces: [space('HELP', ['ann'])], agents: [agent('ann')] });
    const { state } = play(given, [
      [request('c1'), T0],
      [setStatus('ann', 'away'), T0 + 1]
    ]);
    expect(state.conversations.c1?.status).toBe('waiting');
    expect(offers(when(state, setStatus('ann', 'available'), T0 + 2).effects)).toEqual(['c1→ann']);
  });

  it('R1: status is per agent for the whole site', () => {
    const given = site({ spaces: [space('HELP', ['ann']), space('OPS', ['ann'])], agents: [agent('ann')] });
    const { state } = when(given, setStatus('ann', 'on_break'));
    expect(ofType(when(state, request('o1', 'OPS')).effects, 'fallback')).toHaveLength(1);
  });

  it('R4: in a team of more than 100 members agents cannot change their availability', () => {
    const given = site({
      spaces: [space('HELP', ['ann'], { teamId: 'big-team' }, 101), space('OPS', ['bob'], { teamId: 'ops' }, 100)],
      agents: [agent('ann'), agent('bob')]
    });
    const error = refused(given, setStatus('ann', 'on_break'));
    expect(error.code).toBe('forbidden');
    expect(error.message).toMatch(/101 members.*at most 100/);
    expect(when(given, setStatus('bob', 'on_break')).state.agents.bob?.status).toBe('on_break');
  });

  it('R2: a heartbeat that brings an Available agent back dispatches; one from a fresh inbox only records the time', () => {
    const fresh = agent('ann');
    expect(heartbeatDispatches(fresh, T0 + MINUTE)).toBe(false);
    expect(heartbeatDispatches(fresh, T0 + 2 * MINUTE)).toBe(true);
    expect(heartbeatDispatches(agent('bob', { status: 'away' }), T0 + 5 * MINUTE)).toBe(false);
    const { state, effects } = when(site({ spaces: [space('HELP', ['ann'])], agents: [fresh] }), heartbeat('ann'), T0 + MINUTE);
    expect(effects).toEqual([]);
    expect(state.agents.ann?.lastHeartbeatAt).toBe(T0 + MINUTE);
  });

  it('an agent storage has not seen starts Offline, and may set a status', () => {
    const given = site({ spaces: [space('HELP', ['new'])] });
    const { state, effects } = when(given, setStatus('new', 'available'));
    expect(effects).toEqual([{ type: 'agentStatusChanged', agentId: 'new', status: 'available', reason: 'agent' }]);
    expect(state.agents.new).toMatchObject({ status: 'available', lastHeartbeatAt: null, offers: [], active: [] });
  });
});
