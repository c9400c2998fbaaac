import { z } from 'zod';
import { editSavedReplies, showSavedReplies } from '../app/agent-tools/edit-saved-replies';
import { pickSavedReplies } from '../app/agent-tools/pick-saved-replies';
import { showCustomerContext } from '../app/agent-tools/show-customer-context';
import { suggestReply } from '../app/agent-tools/suggest-reply';
import { summarizeConversation } from '../app/agent-tools/summarize-conversation';
import { conversationId, projectKey } from './chat-fields';
import { resolverOperation } from './resolver-operation';
import { pageSpace } from './space-operations';

const savedReplyId = z
  .string({ error: 'must be a saved reply id' })
  .regex(/^[A-Za-z0-9_-]{1,64}$/, 'must be a saved reply id');

/**
 * The agent tools (README "Operations beyond PRODUCT.md": SR1, SR2, AI1–AI3, CC1–CC3). Saved
 * replies are the space admin's (R28, on the space settings page); the rest is the chat's
 * assignee's or a participant's (R18), checked by the use cases.
 */
export const agentToolsOperations = {
  'space.savedReplies.get': resolverOperation(z.strictObject({ projectKey }), async (input, caller, deps) => {
    const key = pageSpace(caller, input.projectKey);
    await deps.callers.requireSpaceAdmin(caller.accountId, key);
    return showSavedReplies(deps, key);
  }),

  // Title and text are checked by the domain (SR1), which names each field; the schema only frames the edit.
  'space.savedReplies.save': resolverOperation(
    z.strictObject({ projectKey, id: savedReplyId.optional(), title: z.unknown(), text: z.unknown() }),
    async (input, caller, deps) => {
      const key = pageSpace(caller, input.projectKey);
      await deps.callers.requireSpaceAdmin(caller.accountId, key);
      return editSavedReplies(deps, key, { kind: 'save', id: input.id, title: input.title, text: input.text });
    }
  ),

  'space.savedReplies.delete': resolverOperation(z.strictObject({ projectKey, id: savedReplyId }), async (input, caller, deps) => {
    const key = pageSpace(caller, input.projectKey);
    await deps.callers.requireSpaceAdmin(caller.accountId, key);
    return editSavedReplies(deps, key, { kind: 'delete', id: input.id });
  }),

  'conversation.savedReplies': resolverOperation(z.strictObject({ conversationId }), (input, caller, deps) =>
    pickSavedReplies(deps, { accountId: caller.accountId, conversationId: input.conversationId })
  ),

  'conversation.suggestReply': resolverOperation(z.strictObject({ conversationId }), (input, caller, deps) =>
    suggestReply(deps, { accountId: caller.accountId, conversationId: input.conversationId })
  ),

  'conversation.summary': resolverOperation(z.strictObject({ conversationId }), (input, caller, deps) =>
    summarizeConversation(deps, { accountId: caller.accountId, conversationId: input.conversationId })
  ),

  'conversation.customer': resolverOperation(z.strictObject({ conversationId }), (input, caller, deps) =>
    showCustomerContext(deps, { accountId: caller.accountId, conversationId: input.conversationId })
  )
};
