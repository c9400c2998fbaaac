import { deferringOffers, dispatch } from './dispatch';
import { onDecline } from './lifecycle/answer';
import { onRequest } from './lifecycle/request';
import { applyChange } from './state';
import { agent, MINUTE, offers, request, site, space, T0, when } from './testing/fixtures';

describe('deferred dispatch (bounded transactions)', () => {
  it('R6: a request decided with offers deferred waits, and the follow-up dispatch makes the offer it would have made', () => {
    const given = site({ spaces: [space('HELP', ['ann', 'bob'])], agents: [agent('ann'), agent('bob', { lastOfferedAt: T0 - MINUTE })] });
    const deferred = onRequest(deferringOffers(given), { conversationId: 'c1', projectKey: 'HELP' }, T0);
    if (!deferred.ok) throw new Error(deferred.error.message);
    expect(offers(deferred.value.effects)).toEqual([]);
    expect(deferred.value.settings).toBeUndefined();
    const waiting = applyChange(given, deferred.value);
    expect(waiting.conversations.c1?.status).toBe('waiting');
    expect(offers(dispatch(waiting, T0 + 1).effects)).toEqual(offers(when(given, request('c1')).effects));
  });

  it('R10: deferring offers does not make a space with a reachable agent at its maximum miss the chat', () => {
    const given = site({ spaces: [space('HELP', ['ann'])], agents: [agent('ann')] });
    const deferred = onRequest(deferringOffers(given), { conversationId: 'c1', projectKey: 'HELP' }, T0);
    expect(deferred.ok && deferred.value.conversations.c1?.status).toBe('waiting');
  });

  it('R8: a decline decided with offers deferred releases the slot and leaves the chat waiting for the follow-up', () => {
    const given = site({ spaces: [space('HELP', ['ann', 'bob'])], agents: [agent('ann'), agent('bob')] });
    const offered = when(given, request('c1')).state;
    const holder = offered.conversations.c1?.offer?.agentId ?? '';
    const declined = onDecline(deferringOffers(offered), { conversationId: 'c1', agentId: holder }, T0 + 1);
    if (!declined.ok) throw new Error(declined.error.message);
    const after = applyChange(offered, declined.value);
    expect(after.conversations.c1?.status).toBe('waiting');
    expect(after.agents[holder]?.offers).toEqual([]);
    expect(offers(dispatch(after, T0 + 2).effects)).toEqual([`c1→${holder === 'ann' ? 'bob' : 'ann'}`]);
  });
});
