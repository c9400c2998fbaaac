import { messageRecipients, newChatRecipients } from './notifications';
import { accept, agent, customerSays, MINUTE, ofType, play, refused, request, site, space, T0, when } from './testing/fixtures';

const agents = [
  agent('avl'),
  agent('brk', { status: 'on_break' }),
  agent('stale', { lastHeartbeatAt: T0 - 3 * MINUTE }),
  agent('off', { status: 'offline' })
];
const ids = agents.map((a) => a.accountId);

describe('notifications', () => {
  it('R19: with a team and the visibility toggle on, the team’s Available agents hear of a new chat', () => {
    expect(newChatRecipients(space('HELP', ids, { teamId: 't1', showOnlyWhenAvailable: true }, 4), agents, T0)).toEqual(['avl', 'stale']);
  });

  it('R19: with a team and the toggle off, all team agents hear of it whatever their status', () => {
    expect(newChatRecipients(space('HELP', ids, { teamId: 't1', showOnlyWhenAvailable: false }, 4), agents, T0)).toEqual(ids);
  });

  it('R19: with a team too large the toggle counts as off (R4)', () => {
    expect(newChatRecipients(space('HELP', ids, { teamId: 't1', showOnlyWhenAvailable: true }, 101), agents, T0)).toEqual(ids);
  });

  it('R19: with no team, only agents with the inbox open hear of it', () => {
    expect(newChatRecipients(space('HELP', ids, { teamId: null }), agents, T0)).toEqual(['avl', 'brk', 'off']);
  });

  it('R19: a new chat in the queue notifies when it is requested', () => {
    const given = site({ spaces: [space('HELP', ['ann', 'bob'], { teamId: 't1' }, 2)], agents: [agent('ann'), agent('bob')] });
    expect(ofType(when(given, request('c1')).effects, 'notify')).toEqual([
      { type: 'notify', accountIds: ['ann', 'bob'], conversationId: 'c1', reason: 'newChat' }
    ]);
  });

  it('R20: a new message notifies only the assigned agent, never the sender', () => {
    const given = site({ spaces: [space('HELP', ['ann', 'bob'])], agents: [agent('ann'), agent('bob')] });
    const { state } = play(given, [
      [request('c1'), T0],
      [accept('c1', 'ann'), T0]
    ]);
    expect(when(state, customerSays('c1')).effects).toEqual([
      { type: 'notify', accountIds: ['ann'], conversationId: 'c1', reason: 'newMessage' }
    ]);
    const active = state.conversations.c1;
    if (!active) throw new Error('c1 is missing');
    expect(messageRecipients(active, 'ann')).toEqual([]);
    expect(messageRecipients(active, 'bob')).toEqual(['ann']);
  });

  it('R21: every notification names the conversation it opens', () => {
    const given = site({ spaces: [space('HELP', ['ann'])], agents: [agent('ann')] });
    const { state, effects } = when(given, request('c1'));
    const accepted = when(state, accept('c1', 'ann'));
    const notified = [...ofType(effects, 'notify'), ...ofType(when(accepted.state, customerSays('c1')).effects, 'notify')];
    expect(notified.map((n) => [n.reason, n.conversationId])).toEqual([
      ['newChat', 'c1'],
      ['newMessage', 'c1']
    ]);
  });

  it('R20: a message while the chat waits notifies nobody; after it ends it is refused', () => {
    const given = site({ spaces: [space('HELP', ['ann'])], agents: [agent('ann')] });
    const offered = when(given, request('c1')).state;
    expect(when(offered, customerSays('c1')).effects).toEqual([]);
    const ended = when(offered, { type: 'customerEnd', conversationId: 'c1' }).state;
    expect(refused(ended, customerSays('c1')).code).toBe('conflict');
  });
});
