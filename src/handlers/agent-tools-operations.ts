import { editSavedReplies, showSavedReplies } from '../app/agent-tools/edit-saved-replies';
import { pickSavedReplies } from '../app/agent-tools/pick-saved-replies';
import { showCustomerContext } from '../app/agent-tools/show-customer-context';
import { suggestReply } from '../app/agent-tools/suggest-reply';
import { summarizeConversation } from '../app/agent-tools/summarize-conversation';
import type { OperationHandlers } from './resolver-operation';
import { asSpaceAdmin } from './space-operations';

/**
 * The agent tools (README "Operations beyond PRODUCT.md": SR1, SR2, AI1–AI3, CC1–CC3). Saved
 * replies are the space admins' (R28, on the space settings page); the rest is the chat's
 * assignee's or a participant's (R18), checked by the use cases.
 */
export const agentToolsOperations = {
  'space.savedReplies.get': asSpaceAdmin((deps, key) => showSavedReplies(deps, key)),

  'space.savedReplies.save': asSpaceAdmin((deps, key, input) =>
    editSavedReplies(deps, key, { kind: 'save', id: input.id, title: input.title, text: input.text })
  ),

  'space.savedReplies.delete': asSpaceAdmin((deps, key, input) => editSavedReplies(deps, key, { kind: 'delete', id: input.id })),

  'conversation.savedReplies': (input, caller, deps) =>
    pickSavedReplies(deps, { accountId: caller.accountId, conversationId: input.conversationId }),

  'conversation.suggestReply': (input, caller, deps) =>
    suggestReply(deps, { accountId: caller.accountId, conversationId: input.conversationId }),

  'conversation.summary': (input, caller, deps) =>
    summarizeConversation(deps, { accountId: caller.accountId, conversationId: input.conversationId }),

  'conversation.customer': (input, caller, deps) =>
    showCustomerContext(deps, { accountId: caller.accountId, conversationId: input.conversationId })
} satisfies Partial<OperationHandlers>;
