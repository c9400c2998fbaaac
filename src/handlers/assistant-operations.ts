import { assistantReply } from '../app/assistant/assistant-reply';
import { portalChatSpace } from '../app/chat/portal-chat-space';
import { portalOf } from './portal-of';
import type { OperationHandlers } from './resolver-operation';

/**
 * R23: the widget's AI turn. Open to anyone on the portal, anonymous included (like the
 * widget itself); it answers only where a chat could start, in the portal's own space (a
 * payload projectKey must agree with it), within the caller's share of the LLM quota.
 */
export const assistantOperations = {
  'assistant.reply': async (payload, caller, deps) => {
    const space = await portalChatSpace(deps, { projectKey: payload.projectKey, serviceDeskId: portalOf(caller.extension) });
    return assistantReply(deps, { projectKey: space, transcript: payload.transcript, accountId: caller.accountId ?? null });
  }
} satisfies Partial<OperationHandlers>;
