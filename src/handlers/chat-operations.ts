import { z } from 'zod';
import { endChat } from '../app/chat/end-chat';
import { sendCustomerMessage } from '../app/chat/send-message';
import { showChat } from '../app/chat/show-chat';
import { showWidget } from '../app/chat/show-widget';
import { signalCustomerTyping } from '../app/chat/signal-typing';
import { startChat } from '../app/chat/start-chat';
import { defaultSummary } from '../app/chat/transcript-text';
import { afterSeq, chatToken, conversationId, messageText, projectKey } from './chat-fields';
import { resolverOperation } from './resolver-operation';

const turn = z.strictObject({
  from: z.enum(['customer', 'ai'], { error: "must be 'customer' or 'ai'" }),
  text: z.string({ error: 'must be text' }).max(4_000, 'must be at most 4000 characters'),
});

/** The customer's operations (the portal widget). R24: after the start, the chat's secret is the proof of access. */
export const chatOperations = {
  'widget.status': resolverOperation(z.strictObject({ projectKey }), (input, caller, deps) =>
    showWidget(deps, { projectKey: input.projectKey, licenseActive: caller.licenseActive }),
  ),

  'chat.start': resolverOperation(
    z.strictObject({
      projectKey,
      summary: z.string({ error: 'must be text' }).trim().min(1, 'must not be empty').max(255, 'must be at most 255 characters').optional(),
      transcript: z.array(turn, { error: 'must be a list of { from, text }' }).max(200, 'must have at most 200 turns').optional(),
    }),
    (input, caller, deps) => {
      const transcript = input.transcript ?? [];
      return startChat(deps, {
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
