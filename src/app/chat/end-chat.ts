import { onCustomerEnd, type ConversationStatus } from '../../domain';
import { orThrow, runDecision } from '../decision/run-decision';
import type { AppDeps } from '../app-deps';
import { requireToken } from './chat-token';
import { requireConversation } from './find-conversation';

/** R23: the customer ends the chat, before or after an agent took it (resolved by the customer, R14). */
export async function endChat(deps: AppDeps, input: { conversationId: string; token: string }): Promise<{ status: ConversationStatus }> {
  const first = await requireConversation(deps, input.conversationId);
  requireToken(first.details, input.token);
  if (first.conversation.outcome) return { status: first.conversation.status };
  const holder = first.conversation.offer?.agentId ?? first.conversation.assignee;
  const holderSpaces = holder ? await deps.spaces.spacesOfAgent(holder) : [];
  const decided = await runDecision(
    deps,
    async (session) => {
      const stored = await session.conversation(input.conversationId);
      if (stored) await session.loadHolders(stored.conversation);
      // The freed slot may go to a chat waiting in any of the holder's spaces (R11).
      await session.dispatchScope([first.conversation.projectKey, ...holderSpaces]);
      const change = orThrow(onCustomerEnd(session.state(), { conversationId: input.conversationId }, session.now));
      return { change, value: change.conversations[input.conversationId]?.status ?? stored?.conversation.status ?? 'resolved' };
    },
    { deferLastAttempt: true }
  );
  return { status: decided.value };
}
