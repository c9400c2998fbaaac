import type { AgentConversation, AgentMe, Offer } from '../../../src/frontend/shared/operations';
import { documentTitle, loadText, offerElementId, orderConversations, orderOffers, statusNotice, targetOf } from './inbox-state';

const now = 1_700_000_000_000;
const offer = (conversationId: string, expiresAt = now + 60_000): Offer => ({
  conversationId,
  projectKey: 'SUP',
  summary: 's',
  context: '',
  expiresAt
});
const conversation = (conversationId: string, over: Partial<AgentConversation> = {}): AgentConversation => ({
  conversationId,
  projectKey: 'SUP',
  summary: 's',
  workItemKey: 'SUP-1',
  status: 'active',
  unread: 0,
  ...over
});
const me = (over: Partial<AgentMe> = {}): AgentMe => ({
  status: 'available',
  load: 0,
  maxConversations: 3,
  offers: [],
  conversations: [],
  ...over
});

describe('inbox state', () => {
  it('R9: Away after an offer ran out is explained, and stays explained until the agent sets a status', () => {
    const before = me({ offers: [offer('c1', now - 1000)] });
    const after = me({ status: 'away' });
    const notice = statusNotice(before, after, null, now);
    expect(notice).toBe('offerTimeout');
    expect(statusNotice(after, after, notice, now + 5000)).toBe('offerTimeout');
    expect(statusNotice(after, me({ status: 'available' }), notice, now)).toBeNull();
  });

  it("R9: the backend's own reason wins when it sends one", () => {
    expect(statusNotice(null, me({ status: 'away', statusReason: 'offerTimeout' }), null, now)).toBe('offerTimeout');
    expect(statusNotice(me({ offers: [offer('c1', now - 1)] }), me({ status: 'away', statusReason: 'agent' }), null, now)).toBeNull();
  });

  it('choosing Away, or an offer still running, is not a timeout', () => {
    expect(statusNotice(me(), me({ status: 'away' }), null, now)).toBeNull();
    expect(statusNotice(me({ offers: [offer('c1', now + 30_000)] }), me({ status: 'away' }), null, now)).toBeNull();
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
