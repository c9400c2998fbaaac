/**
 * The portal widget's state as a reducer: the AI chat, the handoff, waiting, the live chat with
 * the agent, and its end (R23). Pure: every answer of the backend is an event.
 */
import type { OperationInput, OperationResult } from '../../../src/contract/operations';
import type { AssistantReply, ChatStart, ChatView, ConversationStatus } from '../../../src/frontend/shared/operations';
import { hasEnded } from '../../../src/frontend/shared/operations';
import { mergeMessages, splitAtHandoff, type Message } from '../../../src/frontend/shared/transcript';
import { withNextMessage } from '../../shared/src/live-updates';

export type Phase = 'ai' | 'waiting' | 'active' | 'ended';

/** A turn of the AI chat, as `assistant.reply` and `chat.start` take it. */
export type AiTurn = Readonly<OperationInput<'assistant.reply'>['transcript'][number]>;

/** The chat this widget runs: its id and secret (R24), as `chat.start` and `chat.resume` give them. */
export type ChatHandle = NonNullable<OperationResult<'chat.resume'>['chat']>;

export interface WidgetState {
  readonly phase: Phase;
  readonly aiTurns: readonly AiTurn[];
  /** An AI answer or the handoff is on its way. */
  readonly busy: boolean;
  readonly chat: ChatHandle | null;
  readonly status: ConversationStatus | null;
  readonly queuePosition: number | null;
  /** W1: while waiting, the backend's range (absent until the space has enough recent accepts). */
  readonly waitEstimate: NonNullable<ChatView['waitEstimate']> | null;
  readonly agentName: string | null;
  readonly agentTyping: boolean;
  /** The live chat's messages (chat.get); the AI part stays in aiTurns. */
  readonly messages: readonly Message[];
  readonly fallback: string | null;
  /** The backend's handoff point in `messages` (its `aiTurns`), when it sends one. */
  readonly handoffAt: number | null;
  readonly endedByCustomer: boolean;
  readonly error: string | null;
}

export type WidgetEvent =
  | { readonly type: 'asked'; readonly text: string }
  | { readonly type: 'answered'; readonly reply: AssistantReply }
  | { readonly type: 'handoffRequested' }
  | { readonly type: 'started'; readonly start: ChatStart }
  | { readonly type: 'viewed'; readonly view: ChatView }
  /** The customer's own message, as chat.send numbered it (shown without reading the chat again). */
  | { readonly type: 'sent'; readonly seq: number; readonly text: string; readonly at: number }
  /** A push on the customer's channel that carries all it changes (see pushed). */
  | { readonly type: 'pushed'; readonly push: Record<string, unknown> }
  | { readonly type: 'endRequested' }
  | { readonly type: 'ended'; readonly status: ConversationStatus }
  | { readonly type: 'failed'; readonly message: string }
  | { readonly type: 'resumed'; readonly chat: ChatHandle; readonly aiTurns: readonly AiTurn[] }
  | { readonly type: 'restoredAi'; readonly aiTurns: readonly AiTurn[] }
  | { readonly type: 'reset' };

export const INITIAL: WidgetState = {
  phase: 'ai',
  aiTurns: [],
  busy: false,
  chat: null,
  status: null,
  queuePosition: null,
  waitEstimate: null,
  agentName: null,
  agentTyping: false,
  messages: [],
  fallback: null,
  handoffAt: null,
  endedByCustomer: false,
  error: null
};

export function phaseOf(status: ConversationStatus): Phase {
  if (hasEnded(status)) return 'ended';
  return status === 'active' ? 'active' : 'waiting';
}

export function reduce(state: WidgetState, event: WidgetEvent): WidgetState {
  switch (event.type) {
    case 'asked':
      return { ...state, aiTurns: [...state.aiTurns, { from: 'customer', text: event.text }], busy: true, error: null };
    case 'answered':
      return {
        ...state,
        aiTurns: event.reply.text ? [...state.aiTurns, { from: 'ai', text: event.reply.text }] : state.aiTurns,
        busy: event.reply.escalate
      };
    case 'handoffRequested':
      return { ...state, busy: true, error: null };
    case 'started': {
      const { start } = event;
      return {
        ...state,
        busy: false,
        chat: { conversationId: start.conversationId, token: start.token, workItemKey: start.workItemKey },
        status: start.status,
        phase: phaseOf(start.status),
        queuePosition: start.queuePosition ?? null,
        waitEstimate: start.waitEstimate ?? null,
        fallback: start.fallback ?? null
      };
    }
    case 'viewed': {
      const { view } = event;
      if (!state.chat) return state;
      return {
        ...state,
        status: view.status,
        phase: phaseOf(view.status),
        queuePosition: view.queuePosition ?? null,
        waitEstimate: view.waitEstimate ?? null,
        agentName: view.agentName ?? state.agentName,
        agentTyping: view.agentTyping && !hasEnded(view.status),
        messages: mergeMessages(state.messages, view.messages ?? []),
        fallback: view.fallback ?? state.fallback,
        handoffAt: view.aiTurns ?? state.handoffAt
      };
    }
    case 'sent':
      return { ...state, messages: mergeMessages(state.messages, [{ seq: event.seq, from: 'customer', text: event.text, at: event.at }]) };
    case 'pushed':
      return pushed(state, event.push) ?? state;
    case 'endRequested':
      return { ...state, busy: true, endedByCustomer: true, error: null };
    case 'ended':
      return { ...state, busy: false, status: event.status, phase: phaseOf(event.status), agentTyping: false };
    case 'failed':
      return { ...state, busy: false, endedByCustomer: state.phase === 'ended' && state.endedByCustomer, error: event.message };
    case 'resumed':
      return { ...INITIAL, chat: event.chat, aiTurns: event.aiTurns, phase: 'waiting', busy: false };
    case 'restoredAi':
      return { ...INITIAL, aiTurns: event.aiTurns };
    case 'reset':
      return INITIAL;
  }
}

/** The line under the widget's title: where the customer stands (R11, R23). */
export function statusLine(state: WidgetState): string {
  switch (state.phase) {
    case 'ai':
      return state.busy ? 'The AI assistant is answering…' : 'You are chatting with our AI assistant.';
    case 'waiting':
      if (state.status === null) return 'Connecting you to an agent…';
      return state.queuePosition !== null && state.queuePosition > 0
        ? `Waiting for an agent. You are number ${state.queuePosition} in the queue.`
        : 'Waiting for an agent. You are next.';
    case 'active':
      return `You are chatting with ${state.agentName ?? 'an agent'}.`;
    case 'ended':
      return 'This chat has ended.';
  }
}

/** What the customer reads when the chat ends: the fallback when missed or expired (R10, R12, R13). */
export function endNotice(state: WidgetState): string | null {
  if (state.phase !== 'ended') return null;
  const key = state.chat?.workItemKey;
  if (state.status === 'missed' || state.status === 'expired') {
    return state.fallback ?? `No agent could take your chat. We logged your request${key ? ` as ${key}` : ''} and will follow up there.`;
  }
  const who = state.endedByCustomer ? 'You ended the chat.' : `${state.agentName ?? 'The agent'} ended the chat.`;
  return `${who} Thanks for contacting us${key ? `; your request is ${key}` : ''}.`;
}

/** X1: a chat that ended with an agent in it can be rated (a missed one had nobody to rate). */
export function canRate(state: WidgetState): boolean {
  return state.phase === 'ended' && state.chat !== null && (state.status === 'resolved' || state.status === 'expired');
}

/** The customer may write to the AI, and to the agent while waiting or chatting. */
export function canWrite(state: WidgetState): boolean {
  return state.phase !== 'ended' && !(state.phase === 'ai' && state.busy);
}

/**
 * The transcript the customer sees: the AI turns kept by the widget, then the live chat. When
 * the backend's messages carry the AI part themselves, they are shown once, from the backend.
 */
export function transcriptOf(state: WidgetState): { readonly ai: readonly AiTurn[]; readonly live: readonly Message[] } {
  const parts = splitAtHandoff(state.messages, state.handoffAt ?? undefined);
  const fromBackend = parts.find((p) => p.part === 'ai')?.messages ?? [];
  const live = parts.find((p) => p.part === 'live')?.messages ?? [];
  if (fromBackend.length === 0) return { ai: state.aiTurns, live };
  return { ai: fromBackend.map((m): AiTurn => ({ from: m.from === 'ai' ? 'ai' : 'customer', text: m.text })), live };
}

/**
 * The state a push on the customer's channel leaves, when it carries all it changes: the
 * agent's next message (in sequence), the agent taking the chat (with their name), the chat
 * resolved. null: read again (a gap in the messages, typing, a fallback, back in the queue, a
 * hand-over to another agent).
 */
export function pushed(state: WidgetState, push: Record<string, unknown>): WidgetState | null {
  if (!state.chat) return null;
  if (push.type === 'message' && typeof push.seq === 'number' && typeof push.text === 'string' && typeof push.at === 'number') {
    const messages = withNextMessage(state.messages, { seq: push.seq, from: 'agent' as const, text: push.text, at: push.at });
    return messages ? { ...state, messages, agentTyping: false } : null;
  }
  if (push.type === 'status' && push.status === 'active') {
    const agentName = typeof push.agentName === 'string' ? push.agentName : state.agentName;
    // Another name on a running chat is a hand-over (Transfer): its system line is in the transcript, which the push does not carry.
    if (state.phase === 'active' && state.agentName !== null && agentName !== state.agentName) return null;
    return agentName ? { ...state, status: 'active', phase: 'active', queuePosition: null, agentName } : null;
  }
  if (push.type === 'status' && push.status === 'resolved') {
    return { ...state, status: 'resolved', phase: 'ended', queuePosition: null, agentTyping: false };
  }
  return null;
}
