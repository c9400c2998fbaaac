import type { AdminMoveTarget } from './lifecycle/admin-move';
import type { SiteEvent } from './site-reducer';
import { pendingTimers } from './lifecycle/timers';
import { accept, customerEnd, MINUTE, ofType, play, refused, request, SECOND, T0, when } from './testing/fixtures';
import { annChatting } from './testing/ann-chatting';

const move = (conversationId: string, from: string, to: AdminMoveTarget, projectKey = 'HELP'): SiteEvent => ({
  type: 'adminMove',
  conversationId,
  projectKey,
  from,
  to
});
const toQueue = { queue: true } as const;

const AT = T0 + MINUTE;

describe('Live view moves by a space admin (README "Operations beyond PRODUCT.md": LV2–LV4)', () => {
  it('LV2, R11: put back in the queue, the chat takes its FCFS place by request time, ahead of chats that came later; Time to assign runs again', () => {
    const busy = play(annChatting(1), [
      [request('c2'), T0 + 10 * SECOND],
      [request('c3'), T0 + 20 * SECOND],
      [request('c4'), T0 + 30 * SECOND]
    ]).state;
    // Maximum 1: bob and cy hold c2 and c3 as offers, c4 waits.
    expect(busy.conversations.c4).toMatchObject({ status: 'waiting' });
    const { state, effects } = when(busy, move('c1', 'ann', toQueue), AT);
    expect(effects).toContainEqual({ type: 'handedOver', conversationId: 'c1', from: 'ann', to: null });
    expect(state.conversations.c1).toMatchObject({ assignee: null, acceptedAt: null, requeuedAt: AT });
    // R8: ann's freed slot is the only one; c1, requested before c4, is offered first, back to her as the only eligible agent.
    expect(ofType(effects, 'offer').map((o) => [o.conversationId, o.agentId])).toEqual([['c1', 'ann']]);
    expect(state.conversations.c4).toMatchObject({ status: 'waiting' });
    expect(pendingTimers(state.conversations.c1!)).toContainEqual({ kind: 'timeToAssign', conversationId: 'c1', at: AT + 5 * MINUTE });
  });

  it('LV2, R6: back in the queue with an agent free, it is offered at once, not to the agent it was taken from', () => {
    const { state, effects } = when(annChatting(), move('c1', 'ann', toQueue), AT);
    const [offer] = ofType(effects, 'offer');
    expect(offer).toMatchObject({ conversationId: 'c1' });
    expect(['bob', 'cy']).toContain(offer?.agentId);
    expect(state.conversations.c1).toMatchObject({ status: 'offered', assignee: null });
  });

  it('LV3: assign to an Available agent below the maximum is a transfer offer to them; the assignee keeps the chat until the accept', () => {
    const { state, effects } = when(annChatting(), move('c1', 'ann', { accountId: 'bob' }), AT);
    expect(effects).toEqual([
      { type: 'offer', conversationId: 'c1', agentId: 'bob', attempt: 2, expiresAt: AT + 60 * SECOND, transferFrom: 'ann' }
    ]);
    expect(state.conversations.c1).toMatchObject({ status: 'active', assignee: 'ann', offer: { agentId: 'bob' } });
    expect(state.agents.bob).toMatchObject({ offers: ['c1'] });
    const accepted = when(state, accept('c1', 'bob'), AT + SECOND);
    expect(accepted.effects).toEqual([
      { type: 'assign', conversationId: 'c1', agentId: 'bob' },
      { type: 'handedOver', conversationId: 'c1', from: 'ann', to: 'bob' }
    ]);
    expect(accepted.state.agents.ann).toMatchObject({ active: [], offers: [] });
  });

  it('LV3, R5: an agent at the maximum, not Available, of another space or the assignee is refused naming accountId, and nothing changes', () => {
    const full = play(annChatting(1), [[request('c2'), T0 + 5 * SECOND]]).state; // bob holds c2's offer: at the maximum 1
    const offeredTo = full.conversations.c2?.offer?.agentId as string;
    const away = when(full, { type: 'setStatus', agentId: 'cy', status: 'on_break' }, T0 + 6 * SECOND).state;
    for (const [target, reason] of [
      [offeredTo, /maximum of 1/],
      ['cy', /not Available/],
      ['hana', /not an agent of HELP/],
      ['ann', /already has this chat/],
      ['nobody', /not an agent of HELP/]
    ] as const) {
      const error = refused(away, move('c1', 'ann', { accountId: target }), AT);
      expect(error).toMatchObject({ code: 'invalid', fields: [{ field: 'accountId', message: expect.stringMatching(reason) }] });
    }
  });

  it('LV3, R6: one offer at a time: while a transfer is pending, another move is refused as a conflict', () => {
    const offered = when(annChatting(), move('c1', 'ann', { accountId: 'bob' }), AT).state;
    expect(refused(offered, move('c1', 'ann', { accountId: 'cy' }), AT + SECOND)).toMatchObject({ code: 'conflict' });
    expect(refused(offered, move('c1', 'ann', toQueue), AT + SECOND)).toMatchObject({ code: 'conflict' });
  });

  it('LV4: an unknown chat, or one of another space, is not_found; an ended or not yet accepted one, or one that changed hands, is a conflict', () => {
    const state = annChatting();
    expect(refused(state, move('nope', 'ann', toQueue)).code).toBe('not_found');
    expect(refused(state, move('c1', 'ann', toQueue, 'HR')).code).toBe('not_found');
    expect(refused(state, move('c1', 'bob', toQueue)).message).toMatch(/no longer with bob/);
    const ended = when(state, customerEnd('c1'), AT).state;
    expect(refused(ended, move('c1', 'ann', toQueue), AT + SECOND)).toMatchObject({
      code: 'conflict',
      message: expect.stringMatching(/ended/)
    });
    const waiting = when(state, request('c2'), AT).state;
    expect(refused(waiting, move('c2', 'ann', { accountId: 'cy' }), AT + SECOND)).toMatchObject({
      code: 'conflict',
      message: expect.stringMatching(/not with an agent/)
    });
  });
});
