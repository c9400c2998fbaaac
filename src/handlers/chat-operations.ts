import { z } from 'zod';
import { endChat } from '../app/chat/end-chat';
import { sendCustomerMessage } from '../app/chat/send-message';
import { showChat } from '../app/chat/show-chat';
import { showWidget } from '../app/chat/show-widget';
import { signalCustomerTyping } from '../app/chat/signal-typing';
import { startChatWithinLimit } from '../app/chat/start-chat-within-limit';
import { defaultSummary } from '../app/chat/transcript-text';
import { afterSeq, chatToken, conversationId, messageText, projectKey } from './chat-fields';
import { resolverOperation } from './resolver-operation';

const turn = z.strictObject({
  from: z.enum(['customer', 'ai'], { error: "must be 'customer' or 'ai'" }),
  text: z.string({ error: 'must be text' }).max(4_000, 'must be at most 4000 characters'),
});

/** The portal footer's portal: JSM's service desk id (Forge gives this module no project). */
function portalOf(extension: Record<string, unknown>): string | undefined {
  const id = (extension.portal as { id?: unknown } | undefined)?.id;
  if (typeof id === 'number' && Number.isSafeInteger(id) && id > 0) return String(id);
  return typeof id === 'string' && /^[1-9][0-9]{0,18}$/.test(id) ? id : undefined;
}

/** The customer's operations (the portal widget). R24: after the start, the chat's secret is the proof of access. */
export const chatOperations = {
  // R22: `{}` on a portal page (the space comes from the portal), or `{ projectKey }` where no portal says it.
  'widget.status': resolverOperation(z.strictObject({ projectKey: projectKey.optional() }), (input, caller, deps) =>
    showWidget(deps, {
      projectKey: input.projectKey,
      serviceDeskId: portalOf(caller.extension),
      licenseActive: caller.licenseActive,
      onPortalFooter: caller.extension.type === 'jiraServiceManagement:portalFooter',
    }),
  ),

  'chat.start': resolverOperation(
    z.strictObject({
      projectKey,
      summary: z.string({ error: 'must be text' }).trim().min(1, 'must not be empty').max(255, 'must be at most 255 characters').optional(),
      transcript: z.array(turn, { error: 'must be a list of { from, text }' }).max(200, 'must have at most 200 turns').optional(),
    }),
    (input, caller, deps) => {
      const transcript = input.transcript ?? [];
      return startChatWithinLimit(deps, {
        projectKey: input.projectKey,
        summary: input.summary ?? defaultSummary(transcript),
        transcript,
        customerAccountId: caller.accountId ?? null,
        licenseActive: caller.licenseActive,
      });
    },
  ),

  'chat.get': resolverOperation(z.strictObject({ conversationId, token: chatToken, afterSeq }), (input, _caller, deps) => showChat(deps, input)),

  'chat.send': resolverOperation(z.strictObject({ conversationId, token: chatToken, text: messageText }), (input, _caller, deps) =>
    sendCustomerMessage(deps, input),
  ),

  'chat.typing': resolverOperation(z.strictObject({ conversationId, token: chatToken }), (input, _caller, deps) => signalCustomerTyping(deps, input)),

  'chat.end': resolverOperation(z.strictObject({ conversationId, token: chatToken }), (input, _caller, deps) => endChat(deps, input)),
};
