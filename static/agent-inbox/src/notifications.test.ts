import type { AgentConversation, AgentMe, Offer } from '../../../src/frontend/shared/operations';
import { notificationFromPush, notificationsFromChange } from './notifications';

const offer = (conversationId: string, expiresAt = 2000): Offer => ({ conversationId, projectKey: 'SUP', summary: 'VPN drops', context: '', expiresAt });
const chat = (conversationId: string, unread: number): AgentConversation => ({ conversationId, projectKey: 'SUP', summary: 'VPN drops', workItemKey: 'SUP-7', status: 'active', unread });
const me = (over: Partial<AgentMe> = {}): AgentMe => ({ status: 'available', load: 0, maxConversations: 3, offers: [], conversations: [], ...over });
const page = { openConversationId: null, pageVisible: true };

describe('browser notifications', () => {
  it('the first read of the inbox announces nothing', () => {
    expect(notificationsFromChange(null, me({ offers: [offer('c1')] }), page)).toEqual([]);
  });

  it('R19: a new offer notifies, once per offer', () => {
    const specs = notificationsFromChange(me(), me({ offers: [offer('c1')] }), page);
    expect(specs).toEqual([{ key: 'offer:c1:2000', conversationId: 'c1', title: 'New chat offer (SUP)', body: 'VPN drops' }]);
    expect(notificationsFromChange(me({ offers: [offer('c1')] }), me({ offers: [offer('c1')] }), page)).toEqual([]);
  });

  it('R8: an offer made again (new deadline) notifies again', () => {
    expect(notificationsFromChange(me({ offers: [offer('c1', 2000)] }), me({ offers: [offer('c1', 9000)] }), page)).toHaveLength(1);
  });

  it('R20: a new message notifies the assigned agent unless that chat is on screen', () => {
    const before = me({ conversations: [chat('c1', 0)] });
    const after = me({ conversations: [chat('c1', 1)] });
    expect(notificationsFromChange(before, after, page).map((s) => s.title)).toEqual(['New message in SUP-7']);
    expect(notificationsFromChange(before, after, { openConversationId: 'c1', pageVisible: true })).toEqual([]);
    expect(notificationsFromChange(before, after, { openConversationId: 'c1', pageVisible: false })).toHaveLength(1);
    expect(notificationsFromChange(after, me({ conversations: [chat('c1', 0)] }), page)).toEqual([]);
  });

  it('R19: a new chat in the queue pushed by the backend notifies; other pushes do not', () => {
    expect(notificationFromPush({ type: 'notify', reason: 'newChat', conversationId: 'c9', projectKey: 'SUP', summary: 'Refund' })).toEqual({
      key: 'newChat:c9',
      conversationId: 'c9',
      title: 'New chat waiting (SUP)',
      body: 'Refund'
    });
    expect(notificationFromPush({ type: 'notify', reason: 'replyReminder', conversationId: 'c9' })?.title).toBe('The customer is waiting for your reply');
    expect(notificationFromPush({ type: 'notify', reason: 'newMessage', conversationId: 'c9' })).toBeNull();
    expect(notificationFromPush({ type: 'changed' })).toBeNull();
  });
});
