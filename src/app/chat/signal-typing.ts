import type { AppDeps } from '../app-deps';
import { requireToken } from './chat-token';
import { requireOnConversation } from './conversation-access';
import { requireConversation } from './find-conversation';

/** How long "typing…" shows after the last signal (pages signal every few seconds while typing). */
export const TYPING_SHOWN_MS = 6_000;

export function isTyping(at: number | null, now: number): boolean {
  return at !== null && now - at < TYPING_SHOWN_MS;
}

/**
 * R23: "typing…" until the typist's message lands. Sending does not clear the mark (that
 * would cost a second write per message); instead a fresh mark older than the chat's newest
 * message, written by the same side, no longer counts. The extra read happens only while a
 * mark is fresh.
 */
export async function isStillTyping(
  deps: Pick<AppDeps, 'messages' | 'clock'>,
  conversationId: string,
  side: 'customer' | 'agent',
  at: number | null
): Promise<boolean> {
  if (!isTyping(at, deps.clock.now())) return false;
  const [newest] = await deps.messages.latest(conversationId, 1);
  return !(newest && newest.from === side && at !== null && newest.at >= at);
}

/** R23: the customer is typing; the agents on the chat see it (pushed, and in conversation.get). */
export async function signalCustomerTyping(
  deps: AppDeps,
  input: { conversationId: string; token: string }
): Promise<Record<string, never>> {
  const stored = await requireConversation(deps, input.conversationId);
  requireToken(stored.details, input.token);
  if (stored.conversation.outcome) return {};
  await deps.messages.recordTyping(input.conversationId, 'customer', deps.clock.now());
  const onIt = [stored.conversation.assignee, ...stored.details.participants].filter((id): id is string => id !== null);
  await deps.chatPushes.toAgents(onIt, { type: 'typing', conversationId: input.conversationId });
  return {};
}

/** R23: the agent is typing; the customer sees it (pushed, and in chat.get). */
export async function signalAgentTyping(
  deps: AppDeps,
  input: { agentId: string | undefined; conversationId: string }
): Promise<Record<string, never>> {
  const stored = await requireConversation(deps, input.conversationId);
  await requireOnConversation(deps, input.agentId, stored);
  if (stored.conversation.status !== 'active') return {};
  await deps.messages.recordTyping(input.conversationId, 'agent', deps.clock.now());
  await deps.chatPushes.toCustomer(stored.details.channel, { type: 'typing' });
  return {};
}
