import { flagFor, notificationFromPush, notificationsFromChange, stillRelevant, toldBefore } from './notifications';
import { conversation, me, offerAt } from './testing/inbox-fixtures';

const offer = (conversationId: string, expiresAt = 2000) => offerAt(conversationId, expiresAt);
const chat = (conversationId: string, unread: number) => conversation(conversationId, { unread });
const page = { openConversationId: null, pageVisible: true };

describe('inbox alerts', () => {
  it('the first read of the inbox announces nothing', () => {
    expect(notificationsFromChange(null, me({ offers: [offer('c1')] }), page)).toEqual([]);
  });

  it('R19: a new offer notifies, once per offer', () => {
    const specs = notificationsFromChange(me(), me({ offers: [offer('c1')] }), page);
    expect(specs).toEqual([
      { kind: 'offer', key: 'offer:c1:2000', conversationId: 'c1', title: 'New chat offer (SUP)', body: 'VPN drops' }
    ]);
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
    expect(notificationFromPush({ type: 'notify', reason: 'newChat', conversationId: 'c9', projectKey: 'SUP', summary: 'Refund' })).toEqual(
      {
        kind: 'newChat',
        key: 'newChat:c9',
        conversationId: 'c9',
        title: 'New chat waiting (SUP)',
        body: 'Refund'
      }
    );
    expect(notificationFromPush({ type: 'notify', reason: 'replyReminder', conversationId: 'c9' })?.title).toBe(
      'The customer is waiting for your reply'
    );
    expect(notificationFromPush({ type: 'notify', reason: 'newMessage', conversationId: 'c9' })).toBeNull();
    expect(notificationFromPush({ type: 'changed' })).toBeNull();
  });

  it('R19, R20: an alert stays in the banner while it has something to answer', () => {
    const [offerAlert] = notificationsFromChange(me(), me({ offers: [offer('c1')] }), page);
    expect(stillRelevant(offerAlert, me({ offers: [offer('c1')] }))).toBe(true);
    expect(stillRelevant(offerAlert, me())).toBe(false);
    const [messageAlert] = notificationsFromChange(me({ conversations: [chat('c1', 0)] }), me({ conversations: [chat('c1', 1)] }), page);
    expect(stillRelevant(messageAlert, me({ conversations: [chat('c1', 1)] }))).toBe(true);
    expect(stillRelevant(messageAlert, me({ conversations: [chat('c1', 0)] }))).toBe(false);
    expect(stillRelevant(notificationFromPush({ type: 'notify', reason: 'replyReminder', conversationId: 'c1' })!, me())).toBe(true);
  });

  it('R19, R20: the Jira flag of an offer stays until answered; a message flag goes by itself; a reminder warns', () => {
    const [offerAlert] = notificationsFromChange(me(), me({ offers: [offer('c1')] }), page);
    expect(flagFor(offerAlert)).toEqual({
      id: 'live-chat:offer:c1',
      title: 'New chat offer (SUP)',
      description: 'VPN drops',
      type: 'info',
      isAutoDismiss: false
    });
    const [messageAlert] = notificationsFromChange(me({ conversations: [chat('c1', 0)] }), me({ conversations: [chat('c1', 1)] }), page);
    expect(flagFor(messageAlert).isAutoDismiss).toBe(true);
    expect(flagFor(notificationFromPush({ type: 'notify', reason: 'replyReminder', conversationId: 'c1' })!).type).toBe('warning');
  });

  it('R19: the queue push of a chat already offered to the agent is not told twice; its flag is the offer flag', () => {
    const [offerAlert] = notificationsFromChange(me(), me({ offers: [offer('c1')] }), page);
    const queued = notificationFromPush({ type: 'notify', reason: 'newChat', conversationId: 'c1' })!;
    expect(toldBefore(queued, [offerAlert])).toBe(true);
    expect(toldBefore(queued, [])).toBe(false);
    expect(toldBefore(offerAlert, [queued])).toBe(false);
    expect(flagFor(queued).id).toBe(flagFor(offerAlert).id);
  });
});
