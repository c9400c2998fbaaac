import type { AgentConversationView, AgentMe } from '../../../src/frontend/shared/operations';
import { inboxPushed, shownUnread, viewPushed } from './agent-pushes';

const view = { status: 'active', messages: [{ seq: 1, from: 'customer', text: 'Hi', at: 1 }] } as unknown as AgentConversationView;
const me = {
  status: 'available',
  statusReason: 'agent',
  offers: [],
  conversations: [
    { conversationId: 'c1', unread: 2, status: 'active' },
    { conversationId: 'c2', unread: 1, status: 'active' }
  ]
} as unknown as AgentMe;

describe("the agent's pages and pushes", () => {
  it('R20: the chat view applies the next message of its chat, ignores other chats, and reads again after a gap', () => {
    const next = viewPushed(view, 'c1', { type: 'message', conversationId: 'c1', seq: 2, from: 'customer', text: 'Still there?', at: 2 });
    expect(next?.messages?.map((m) => m.seq)).toEqual([1, 2]);
    expect(viewPushed(view, 'c1', { type: 'message', conversationId: 'c2', seq: 9, from: 'customer', text: 'x', at: 9 })).toBe(view);
    expect(viewPushed(view, 'c1', { type: 'message', conversationId: 'c1', seq: 4, from: 'customer', text: 'x', at: 4 })).toBeNull();
    expect(viewPushed(view, 'c1', { type: 'typing', conversationId: 'c1' })).toBeNull();
    expect(viewPushed(view, 'c1', { type: 'conversation', conversationId: 'c1', status: 'resolved' })?.status).toBe('resolved');
  });

  it('R20: the notification of a new message carries it: the open chat view shows it without reading again; one without it is read', () => {
    const message = { seq: 2, from: 'customer', text: 'Still there?', at: 2 };
    const next = viewPushed(view, 'c1', { type: 'notify', reason: 'newMessage', conversationId: 'c1', projectKey: 'SUP', message });
    expect(next?.messages?.map((m) => m.text)).toEqual(['Hi', 'Still there?']);
    expect(viewPushed(view, 'c1', { type: 'notify', reason: 'newMessage', conversationId: 'c1', projectKey: 'SUP' })).toBeNull();
    expect(viewPushed(view, 'c1', { type: 'notify', reason: 'newMessage', conversationId: 'c2', message })).toBe(view);
    // A1: a file's message is read, for its preview.
    const file = { ...message, text: 'router-lights.png', attachment: { id: 'u1', name: 'router-lights.png' } };
    expect(viewPushed(view, 'c1', { type: 'notify', reason: 'newMessage', conversationId: 'c1', message: file })).toBeNull();
  });

  it("R9: the inbox applies a status change with its reason; an offer or another chat's message is read", () => {
    expect(inboxPushed(me, { type: 'status', status: 'away', reason: 'offerTimeout' }, null)).toMatchObject({
      status: 'away',
      statusReason: 'offerTimeout'
    });
    expect(inboxPushed(me, { type: 'offer', conversationId: 'c3' }, null)).toBeNull();
    expect(inboxPushed(me, { type: 'message', conversationId: 'c1' }, 'c1')).toBe(me);
    expect(inboxPushed(me, { type: 'message', conversationId: 'c2' }, 'c1')).toBeNull();
    expect(inboxPushed(me, { type: 'notify', reason: 'newChat', conversationId: 'c3' }, null)).toBe(me);
  });

  it('the open chat counts nothing unread; the others keep their counts', () => {
    expect(shownUnread(me, 'c1').conversations.map((c) => c.unread)).toEqual([0, 1]);
    expect(shownUnread(me, null)).toBe(me);
  });
});
