import {
  accept,
  agent,
  customerEnd,
  decline,
  heartbeat,
  MINUTE,
  offers,
  ofType,
  play,
  request,
  resolve,
  setStatus,
  site,
  space,
  T0,
  when
} from './testing/fixtures';

describe('waiting queue', () => {
  it('R11: with agents Available but all at the maximum the chat waits with its queue position', () => {
    const given = site({ spaces: [space('HELP', ['ann'])], agents: [agent('ann')], maxConversations: 1 });
    const { state, effects } = play(given, [
      [request('c1'), T0],
      [request('c2'), T0 + 1]
    ]);
    expect(state.conversations.c2?.status).toBe('waiting');
    expect(ofType(effects, 'queuePositions')).toEqual([
      { type: 'queuePositions', projectKey: 'HELP', positions: [{ conversationId: 'c2', position: 1 }] }
    ]);
  });

  it.each([
    ['the agent resolves', resolve('c1', 'ann')],
    ['the customer ends', customerEnd('c1')]
  ])('R11: a waiting chat is offered as soon as a slot frees because %s', (_name, event) => {
    const given = site({ spaces: [space('HELP', ['ann'])], agents: [agent('ann')], maxConversations: 1 });
    const { state } = play(given, [
      [request('c1'), T0],
      [accept('c1', 'ann'), T0 + 1],
      [request('c2'), T0 + 2]
    ]);
    expect(offers(when(state, event, T0 + 3).effects)).toEqual(['c2→ann']);
  });

  it('R11: a decline frees the decliner’s slot for a chat waiting in another space', () => {
    const given = site({
      spaces: [space('OPS', ['ann', 'bob']), space('HELP', ['ann'])],
      agents: [agent('ann'), agent('bob')],
      maxConversations: 1
    });
    const { state } = play(given, [
      [setStatus('bob', 'on_break'), T0],
      [request('o1', 'OPS'), T0], // → ann
      [request('h1', 'HELP'), T0 + 1], // waits: ann is at the maximum
      [setStatus('bob', 'available'), T0 + 2] // bob may take OPS chats only
    ]);
    expect(offers(when(state, decline('o1', 'ann'), T0 + 3).effects)).toEqual(['o1→bob', 'h1→ann']);
  });

  it('R11: a waiting chat is offered as soon as an agent becomes Available', () => {
    const given = site({
      spaces: [space('HELP', ['ann', 'bob'])],
      agents: [agent('ann'), agent('bob', { status: 'on_break' })],
      maxConversations: 1
    });
    const { state } = play(given, [
      [request('c1'), T0],
      [request('c2'), T0 + 1]
    ]);
    expect(offers(when(state, setStatus('bob', 'available'), T0 + 2).effects)).toEqual(['c2→bob']);
  });

  it('R11: a waiting chat is offered when a stale agent’s inbox comes back', () => {
    const given = site({
      spaces: [space('HELP', ['ann', 'bob'])],
      agents: [agent('ann'), agent('bob', { lastHeartbeatAt: T0 - 5 * MINUTE })],
      maxConversations: 1
    });
    const { state } = play(given, [
      [request('c1'), T0],
      [request('c2'), T0 + 1]
    ]);
    expect(offers(when(state, heartbeat('bob'), T0 + 2).effects)).toEqual(['c2→bob']);
  });

  it('R11: a waiting chat is offered as soon as the maximum is raised', () => {
    const given = site({ spaces: [space('HELP', ['ann'])], agents: [agent('ann')], maxConversations: 1 });
    const { state } = play(given, [
      [request('c1'), T0],
      [request('c2'), T0 + 1]
    ]);
    expect(offers(when(state, { type: 'setMaxConversations', maxConversations: 2 }, T0 + 2).effects)).toEqual(['c2→ann']);
  });

  it('R11: the oldest waiting chat of any space is served first, and a space with no eligible agent does not block others', () => {
    const given = site({
      spaces: [space('HELP', ['ann']), space('OPS', ['ann']), space('HR', ['hal'])],
      agents: [agent('ann'), agent('hal')],
      maxConversations: 1
    });
    const { state } = play(given, [
      [request('h0', 'HR'), T0],
      [request('c1', 'HELP'), T0],
      [accept('c1', 'ann'), T0],
      [request('h2', 'HR'), T0 + 1], // hal is busy: waits first of all
      [request('o1', 'OPS'), T0 + 2],
      [request('h1', 'HELP'), T0 + 3]
    ]);
    expect(offers(when(state, resolve('c1', 'ann'), T0 + 4).effects)).toEqual(['o1→ann']);
  });
});
