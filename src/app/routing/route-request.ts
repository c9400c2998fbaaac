import { noChange, onRequest } from '../../domain';
import type { AiTurn } from '../ports/chat-messages';
import type { ConversationDetails, StoredConversation } from '../ports/routing-store';
import { orThrow, runDecision } from '../decision/run-decision';
import type { AppDeps } from '../app-deps';

/**
 * R6, R10, R11: a new request (its work item exists, R15) joins its space's queue and is
 * offered, missed at once or left waiting, in one conditional write with its details and
 * AI turns. A request already stored (a repeated idempotent start) is answered as it is.
 */
export async function routeRequest(
  deps: AppDeps,
  request: { conversationId: string; projectKey: string; details: ConversationDetails; turns: readonly AiTurn[] }
): Promise<StoredConversation> {
  const { conversationId, projectKey, details, turns } = request;
  const decided = await runDecision(
    deps,
    async (session) => {
      const already = await session.conversation(conversationId);
      if (already) return { change: noChange, value: already };
      await session.dispatchScope([projectKey]);
      session.setDetails(conversationId, details);
      session.setAiTurns(conversationId, turns);
      const change = orThrow(onRequest(session.state(), { conversationId, projectKey }, session.now));
      const conversation = change.conversations[conversationId];
      if (!conversation) throw new Error('A request decision did not hold its conversation.');
      return { change, value: { conversation, details, version: null } };
    },
    // A request must not be lost once its work item exists: contention defers the offers.
    { deferLastAttempt: true }
  );
  return decided.value;
}
