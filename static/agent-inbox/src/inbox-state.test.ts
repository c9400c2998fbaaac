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
  statusReason: 'agent',
  realtime: { channel: 'agent-channel' },
  ...over
});

describe('inbox state', () => {
  it("R9: Away after an offer ran out is explained while the backend's reason says so", () => {
    expect(statusNotice(me({ status: 'away', statusReason: 'offerTimeout' }))).toBe('offerTimeout');
    expect(statusNotice(me({ status: 'available', statusReason: 'agent' }))).toBeNull();
  });

  it('choosing Away is not a timeout', () => {
    expect(statusNotice(me({ status: 'away', statusReason: 'agent' }))).toBeNull();
  });

  it('orders offers by deadline and running chats by unread, ended ones last', () => {
    expect(orderOffers([offer('late', now + 90_000), offer('soon', now + 10_000)]).map((o) => o.conversationId)).toEqual(['soon', 'late']);
    const list = [conversation('done', { status: 'resolved', unread: 5 }), conversation('quiet'), conversation('busy', { unread: 2 })];
    expect(orderConversations(list).map((c) => c.conversationId)).toEqual(['busy', 'quiet', 'done']);
  });

  it('R21: a conversation opens as its offer card while offered, as the chat otherwise', () => {
    const current = me({ offers: [offer('c1')] });
    expect(targetOf(current, 'c1')).toEqual({ kind: 'offer', conversationId: 'c1' });
    expect(targetOf(current, 'c2')).toEqual({ kind: 'chat', conversationId: 'c2' });
    expect(offerElementId('a:b/c')).toBe('offer-a_b_c');
  });

  it('counts what waits in the window title, and the load against the maximum (R5)', () => {
    expect(documentTitle(me({ offers: [offer('c1')], conversations: [conversation('c2', { unread: 2 })] }))).toBe('(3) Live chat inbox');
    expect(documentTitle(me())).toBe('Live chat inbox');
    expect(loadText({ load: 2, maxConversations: 3 })).toBe('2 of 3 conversations');
  });
});
