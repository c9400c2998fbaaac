import { documentTitle, loadText, offerElementId, orderConversations, orderOffers, statusNotice, targetOf } from './inbox-state';
import { conversation, me, offerAt } from './testing/inbox-fixtures';

const now = 1_700_000_000_000;
const offer = (conversationId: string, expiresAt = now + 60_000) => offerAt(conversationId, expiresAt);

describe('inbox state', () => {
  it("R9: Away after an offer ran out is explained while the backend's reason says so", () => {
    expect(statusNotice(me({ status: 'away', statusReason: 'offerTimeout' }))).toBe('offerTimeout');
    expect(statusNotice(me({ status: 'available', statusReason: 'agent' }))).toBeNull();
  });

  it('choosing Away is not a timeout', () => {
    expect(statusNotice(me({ status: 'away', statusReason: 'agent' }))).toBeNull();
  });

  it('IN4: orders offers by deadline; running chats keep the backend’s longest-wait order, ended ones last', () => {
    expect(orderOffers([offer('late', now + 90_000), offer('soon', now + 10_000)]).map((o) => o.conversationId)).toEqual(['soon', 'late']);
    const list = [
      conversation('done', { status: 'resolved', unread: 5 }),
      conversation('waits-longest'),
      conversation('busy', { unread: 2 })
    ];
    expect(orderConversations(list).map((c) => c.conversationId)).toEqual(['waits-longest', 'busy', 'done']);
  });

  it('R21: a conversation opens as its offer card while offered, as the chat otherwise', () => {
    const current = me({ offers: [offer('c1')] });
    expect(targetOf(current, 'c1')).toEqual({ kind: 'offer', conversationId: 'c1' });
    expect(targetOf(current, 'c2')).toEqual({ kind: 'chat', conversationId: 'c2' });
    expect(offerElementId('a:b/c')).toBe('offer-a_b_c');
  });

  it('IN2: counts what waits (offers and unread messages) in the window title, and the load against the maximum (R5)', () => {
    expect(documentTitle(me({ offers: [offer('c1')], conversations: [conversation('c2', { unread: 2 })] }))).toBe('(3) Live chat inbox');
    expect(documentTitle(me())).toBe('Live chat inbox');
    expect(loadText({ load: 2, maxConversations: 3 })).toBe('2 of 3 conversations');
  });
});
