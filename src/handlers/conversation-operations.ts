import { inviteParticipant } from '../app/chat/invite-participant';
import { readConversation } from '../app/chat/read-conversation';
import { resolveConversation } from '../app/chat/resolve-conversation';
import { sendAgentMessage } from '../app/chat/send-message';
import { signalAgentTyping } from '../app/chat/signal-typing';
import { AppError } from '../app/app-error';
import type { OperationHandlers } from './resolver-operation';

/** The work item's panel names its work item, not the conversation. */
function workItemOf(extension: Record<string, unknown>): string | undefined {
  const issue = extension.issue as { key?: unknown } | undefined;
  return typeof issue?.key === 'string' ? issue.key : undefined;
}

/** A conversation's operations for agents (R18 decides who reads and writes what). */
export const conversationOperations = {
  'conversation.get': (input, caller, deps) => {
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
  },

  'conversation.send': (input, caller, deps) => sendAgentMessage(deps, { agentId: caller.accountId, ...input }),

  'conversation.typing': (input, caller, deps) =>
    signalAgentTyping(deps, { agentId: caller.accountId, conversationId: input.conversationId }),

  'conversation.resolve': (input, caller, deps) =>
    resolveConversation(deps, { agentId: caller.accountId, conversationId: input.conversationId }),

  'conversation.invite': (input, caller, deps) => inviteParticipant(deps, { agentId: caller.accountId, ...input })
} satisfies Partial<OperationHandlers>;
