import type { Message } from '../../../src/frontend/shared/transcript';
import {
  INITIAL,
  canRate,
  canWrite,
  endNotice,
  pushed,
  reduce,
  statusLine,
  transcriptOf,
  type WidgetEvent,
  type WidgetState
} from './widget-state';

const play = (...events: WidgetEvent[]): WidgetState => events.reduce(reduce, INITIAL);
const start = (status: 'waiting' | 'active' | 'missed', over: object = {}): WidgetEvent => ({
  type: 'started',
  start: { conversationId: 'c1', token: 'tok', status, workItemKey: 'SUP-9', realtime: { channel: 'chat-channel' }, ...over }
});
const msg = (seq: number, from: Message['from'], text: string): Message => ({ seq, from, text, at: 1000 * seq });
const view = (over: object): WidgetEvent => ({
  type: 'viewed',
  view: { status: 'active', agentTyping: false, messages: [], aiTurns: 0, realtime: { channel: 'chat-channel' }, ...over }
});

describe('portal widget', () => {
  it('R23: the customer chats with the AI first', () => {
    const asked = play({ type: 'asked', text: 'My VPN drops' });
    expect(asked.busy).toBe(true);
    expect(canWrite(asked)).toBe(false);
    expect(statusLine(asked)).toBe('The AI assistant is answering…');
    const answered = reduce(asked, { type: 'answered', reply: { text: 'Try reconnecting.', escalate: false } });
    expect(answered.aiTurns).toEqual([
      { from: 'customer', text: 'My VPN drops' },
      { from: 'ai', text: 'Try reconnecting.' }
    ]);
    expect(answered.busy).toBe(false);
    expect(answered.phase).toBe('ai');
  });

  it('R23: an escalating answer keeps the widget busy until the handoff starts', () => {
    const state = play(
      { type: 'asked', text: 'I want a person' },
      { type: 'answered', reply: { text: 'Connecting you.', escalate: true } }
    );
    expect(state.busy).toBe(true);
  });

  it('R11: waiting shows the queue position', () => {
    const state = play({ type: 'handoffRequested' }, start('waiting', { queuePosition: 2 }));
    expect(state.phase).toBe('waiting');
    expect(state.chat).toEqual({ conversationId: 'c1', token: 'tok', workItemKey: 'SUP-9' });
    expect(statusLine(state)).toBe('Waiting for an agent. You are number 2 in the queue.');
    expect(statusLine(reduce(state, view({ status: 'offered', queuePosition: undefined })))).toBe('Waiting for an agent. You are next.');
  });

  it("R23: once accepted, the agent's name, messages and typing", () => {
    const state = play(
      start('waiting', { queuePosition: 1 }),
      view({ status: 'active', agentName: 'Ana', agentTyping: true, messages: [msg(1, 'agent', 'Hi, I am Ana')] }),
      view({ status: 'active', agentTyping: false, messages: [msg(2, 'customer', 'Hello'), msg(1, 'agent', 'Hi, I am Ana')] })
    );
    expect(state.phase).toBe('active');
    expect(statusLine(state)).toBe('You are chatting with Ana.');
    expect(state.messages.map((m) => m.seq)).toEqual([1, 2]);
    expect(state.agentTyping).toBe(false);
  });

  it("R23: a push carries the agent's next message, their name on accept and the end; a gap or typing asks for a read", () => {
    const waiting = play(start('waiting', { queuePosition: 1 }));
    const accepted = pushed(waiting, { type: 'status', status: 'active', agentName: 'Ana' });
    expect(accepted).toMatchObject({ phase: 'active', agentName: 'Ana', queuePosition: null });
    const held = reduce(accepted as WidgetState, view({ messages: [msg(1, 'agent', 'Hi'), msg(2, 'customer', 'Hello')] }));
    const next = pushed(held, { type: 'message', seq: 3, from: 'agent', text: 'How can I help?', at: 3000 });
    expect(next?.messages.map((m) => m.seq)).toEqual([1, 2, 3]);
    expect(pushed(held, { type: 'message', seq: 5, from: 'agent', text: 'after a gap', at: 5000 })).toBeNull();
    expect(pushed(held, { type: 'typing' })).toBeNull();
    expect(pushed(held, { type: 'status', status: 'resolved' })).toMatchObject({ phase: 'ended', status: 'resolved' });
    expect(pushed(waiting, { type: 'status', status: 'missed' })).toBeNull(); // the fallback text comes with the read
    // Transfer: another agent's name on the running chat asks for a read (the hand-over's line is in the transcript).
    expect(pushed(held, { type: 'status', status: 'active', agentName: 'Ben' })).toBeNull();
    expect(pushed(held, { type: 'status', status: 'active', agentName: 'Ana' })).toMatchObject({ agentName: 'Ana' });
    // The customer's own message, numbered by chat.send, is held at once: the agent's answer after it is in sequence.
    const sent = reduce(held, { type: 'sent', seq: 3, text: 'Still there?', at: 3000 });
    expect(pushed(sent, { type: 'message', seq: 4, from: 'agent', text: 'Yes', at: 4000 })?.messages.map((m) => m.seq)).toEqual([
      1, 2, 3, 4
    ]);
  });

  it('R10: with no agent available the customer sees the fallback at once', () => {
    const fallback = 'All our agents are busy right now. We have logged your request as SUP-9 and will follow up there.';
    const state = play({ type: 'handoffRequested' }, start('missed', { fallback }));
    expect(state.phase).toBe('ended');
    expect(endNotice(state)).toBe(fallback);
    expect(canWrite(state)).toBe(false);
  });

  it('R12/R13: a chat that ends missed or expired shows the fallback from chat.get', () => {
    const state = play(start('waiting'), view({ status: 'expired', fallback: 'Sorry, logged as SUP-9.' }));
    expect(endNotice(state)).toBe('Sorry, logged as SUP-9.');
  });

  it('R23: an end-of-chat notice, whoever ended it', () => {
    const byAgent = play(start('active'), view({ status: 'active', agentName: 'Ana' }), view({ status: 'resolved' }));
    expect(endNotice(byAgent)).toBe('Ana ended the chat. Thanks for contacting us; your request is SUP-9.');
    const byCustomer = play(start('active'), { type: 'endRequested' }, { type: 'ended', status: 'resolved' });
    expect(endNotice(byCustomer)).toBe('You ended the chat. Thanks for contacting us; your request is SUP-9.');
  });

  it('a reload resumes the stored chat; a reset forgets it', () => {
    const resumed = play({
      type: 'resumed',
      chat: { conversationId: 'c1', token: 'tok', workItemKey: 'SUP-9' },
      aiTurns: [{ from: 'customer', text: 'Hi' }]
    });
    expect(resumed.phase).toBe('waiting');
    expect(statusLine(resumed)).toBe('Connecting you to an agent…');
    expect(reduce(resumed, { type: 'reset' })).toEqual(INITIAL);
  });

  it('shows the AI part once, whether the widget or the backend holds it', () => {
    const local = play(
      { type: 'asked', text: 'Hi' },
      { type: 'answered', reply: { text: 'Hello', escalate: false } },
      start('active'),
      view({ messages: [msg(1, 'agent', 'Ana here')] })
    );
    expect(transcriptOf(local).ai).toHaveLength(2);
    expect(transcriptOf(local).live.map((m) => m.text)).toEqual(['Ana here']);
    const fromBackend = play(
      { type: 'asked', text: 'Hi' },
      start('active'),
      view({ aiTurns: 2, messages: [msg(1, 'customer', 'Hi'), msg(2, 'ai', 'Hello'), msg(3, 'agent', 'Ana here')] })
    );
    expect(transcriptOf(fromBackend).ai).toEqual([
      { from: 'customer', text: 'Hi' },
      { from: 'ai', text: 'Hello' }
    ]);
    expect(transcriptOf(fromBackend).live.map((m) => m.seq)).toEqual([3]);
    const counted = play(
      start('active'),
      view({
        aiTurns: 3,
        messages: [msg(1, 'customer', 'Hi'), msg(2, 'ai', 'Hello'), msg(3, 'customer', 'A person'), msg(4, 'agent', 'Ana here')]
      })
    );
    expect(transcriptOf(counted).ai).toHaveLength(3);
    expect(transcriptOf(counted).live.map((m) => m.seq)).toEqual([4]);
  });

  it('a failure is shown and frees the composer', () => {
    const state = play({ type: 'asked', text: 'Hi' }, { type: 'failed', message: 'The AI assistant could not answer.' });
    expect(state.error).toBe('The AI assistant could not answer.');
    expect(canWrite(state)).toBe(true);
  });

  it('W1: the estimate comes with the start and each read while waiting, and goes once the chat is taken', () => {
    const waiting = play(start('waiting', { queuePosition: 1, waitEstimate: { minMinutes: 2, maxMinutes: 4 } }));
    expect(waiting.waitEstimate).toEqual({ minMinutes: 2, maxMinutes: 4 });
    expect(reduce(waiting, view({ status: 'waiting', queuePosition: 1 })).waitEstimate).toBeNull();
    expect(reduce(waiting, view({ status: 'active' })).waitEstimate).toBeNull();
  });

  it('X1: only a chat that ended with an agent in it can be rated', () => {
    expect(canRate(play(start('active'), view({ status: 'resolved' })))).toBe(true);
    expect(canRate(play(start('active'), view({ status: 'expired' })))).toBe(true);
    expect(canRate(play(start('missed')))).toBe(false);
    expect(canRate(play(start('active')))).toBe(false);
  });
});
