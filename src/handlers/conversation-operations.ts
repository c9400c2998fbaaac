import { z } from 'zod';
import { inviteParticipant } from '../app/chat/invite-participant';
import { readConversation } from '../app/chat/read-conversation';
import { resolveConversation } from '../app/chat/resolve-conversation';
import { sendAgentMessage } from '../app/chat/send-message';
import { signalAgentTyping } from '../app/chat/signal-typing';
import { HISTORY_PAGE_MAX, listHistory } from '../app/chat/list-history';
import { transferConversation } from '../app/routing/transfer-conversation';
import { accountId, afterSeq, conversationId, messageText, projectKey } from './chat-fields';
import { AppError } from '../app/app-error';
import { resolverOperation } from './resolver-operation';

/** The work item's panel names its work item, not the conversation. */
function workItemOf(extension: Record<string, unknown>): string | undefined {
  const issue = extension.issue as { key?: unknown } | undefined;
  return typeof issue?.key === 'string' ? issue.key : undefined;
}

/** A conversation's operations for agents (R18 decides who reads and writes what). */
export const conversationOperations = {
  'conversation.get': resolverOperation(z.strictObject({ conversationId: conversationId.optional(), afterSeq }), (input, caller, deps) => {
    const workItemKey = input.conversationId === undefined ? workItemOf(caller.extension) : undefined;
    if (input.conversationId === undefined && workItemKey === undefined) {
      throw new AppError('invalid', 'conversationId: required (outside a work item)', { conversationId: 'required' });
    }
    return readConversation(deps, {
      accountId: caller.accountId,
      conversationId: input.conversationId,
      workItemKey,
      afterSeq: input.afterSeq
    });
  }),

  'conversation.send': resolverOperation(z.strictObject({ conversationId, text: messageText }), (input, caller, deps) =>
    sendAgentMessage(deps, { agentId: caller.accountId, ...input })
  ),

  'conversation.typing': resolverOperation(z.strictObject({ conversationId }), (input, caller, deps) =>
    signalAgentTyping(deps, { agentId: caller.accountId, conversationId: input.conversationId })
  ),

  'conversation.resolve': resolverOperation(z.strictObject({ conversationId }), (input, caller, deps) =>
    resolveConversation(deps, { agentId: caller.accountId, conversationId: input.conversationId })
  ),

  'conversation.invite': resolverOperation(z.strictObject({ conversationId, accountId }), (input, caller, deps) =>
    inviteParticipant(deps, { agentId: caller.accountId, ...input })
  ),

  // Transfer (README "Operations beyond PRODUCT.md"): to an agent of the space, or back to its queue.
  'conversation.transfer': resolverOperation(
    z.strictObject({
      conversationId,
      to: z.union([z.strictObject({ accountId }), z.strictObject({ projectKey })], { error: 'must be { accountId } or { projectKey }' })
    }),
    (input, caller, deps) => transferConversation(deps, { agentId: caller.accountId, ...input })
  ),

  // History (README "Operations beyond PRODUCT.md"): the caller's ended chats, newest first, a page at a time.
  'conversation.history': resolverOperation(
    z.strictObject({
      before: z.string().max(200, "must be the previous page's `before`").optional(),
      limit: z
        .number()
        .int()
        .min(1, `must be 1 to ${HISTORY_PAGE_MAX}`)
        .max(HISTORY_PAGE_MAX, `must be 1 to ${HISTORY_PAGE_MAX}`)
        .optional()
    }),
    (input, caller, deps) => listHistory(deps, { agentId: caller.accountId, ...input })
  )
};
