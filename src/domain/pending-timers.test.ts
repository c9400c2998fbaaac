import { pendingTimers } from './lifecycle/timers';
import { accept, agent, agentSays, customerEnd, decline, fire, MINUTE, play, request, site, space, T0, when } from './testing/fixtures';

describe('pending timers (what a lost timer delivery leaves undone)', () => {
  const given = site({ spaces: [space('HELP', ['ann', 'bob'])], agents: [agent('ann'), agent('bob')] });

  it('R9, R12: an offered chat awaits its offer timeout and its Time to assign', () => {
    const { state } = when(given, request('c1'));
    const offer = state.conversations.c1?.offer;
    expect(pendingTimers(state.conversations.c1!)).toEqual([
      { kind: 'timeToAssign', conversationId: 'c1', at: T0 + 20 * MINUTE },
      { kind: 'offerTimeout', conversationId: 'c1', at: offer?.expiresAt, attempt: offer?.attempt }
    ]);
  });

  it('R8: after a decline the timers follow the new offer', () => {
    const { state } = play(given, [
      [request('c1'), T0],
      [decline('c1', 'ann'), T0 + 1]
    ]);
    expect(pendingTimers(state.conversations.c1!).map((t) => t.kind === 'offerTimeout' && t.attempt)).toEqual([false, 2]);
  });

  it('R13: an accepted chat awaits the reminder then the expiry, and nothing once the assignee replied', () => {
    const accepted = play(given, [
      [request('c1'), T0],
      [accept('c1', 'ann'), T0 + 1]
    ]).state;
    expect(pendingTimers(accepted.conversations.c1!)).toEqual([
      { kind: 'replyReminder', conversationId: 'c1', at: T0 + 1 + 10 * MINUTE },
      { kind: 'replyExpiry', conversationId: 'c1', at: T0 + 1 + 20 * MINUTE }
    ]);
    const reminded = when(
      accepted,
      fire({ kind: 'replyReminder', conversationId: 'c1', at: T0 + 1 + 10 * MINUTE }),
      T0 + 1 + 10 * MINUTE
    ).state;
    expect(pendingTimers(reminded.conversations.c1!).map((t) => t.kind)).toEqual(['replyExpiry']);
    const replied = when(accepted, agentSays('c1', 'ann'), T0 + 2).state;
    expect(pendingTimers(replied.conversations.c1!)).toEqual([]);
  });

  it('R14: an ended chat awaits nothing', () => {
    const ended = play(given, [
      [request('c1'), T0],
      [customerEnd('c1'), T0 + 1]
    ]).state;
    expect(pendingTimers(ended.conversations.c1!)).toEqual([]);
  });
});
