import { z } from 'zod';
import { endChat } from '../app/chat/end-chat';
import { leaveRequest } from '../app/chat/leave-request';
import { rateChat } from '../app/chat/rate-chat';
import { sendCustomerMessage } from '../app/chat/send-message';
import { resumeChat } from '../app/chat/resume-chat';
import { showChat } from '../app/chat/show-chat';
import { showWidget } from '../app/chat/show-widget';
import { signalCustomerTyping } from '../app/chat/signal-typing';
import { startChatWithinLimit } from '../app/chat/start-chat-within-limit';
import { portalChatSpace } from '../app/chat/portal-chat-space';
import { defaultSummary } from '../app/chat/transcript-text';
import { afterSeq, chatToken, conversationId, messageText, projectKey } from './chat-fields';
import { portalOf } from './portal-of';
import { resolverOperation } from './resolver-operation';

const summary = z.string({ error: 'must be text' }).trim().min(1, 'must not be empty').max(255, 'must be at most 255 characters');

const turn = z.strictObject({
  from: z.enum(['customer', 'ai'], { error: "must be 'customer' or 'ai'" }),
  text: z.string({ error: 'must be text' }).max(4_000, 'must be at most 4000 characters')
});
const transcript = z.array(turn, { error: 'must be a list of { from, text }' }).max(200, 'must have at most 200 turns');

/** The customer's operations (the portal widget). R24: after the start, the chat's secret is the proof of access. */
export const chatOperations = {
  // R22: `{}` on a portal page (the space comes from the portal), or `{ projectKey }` where no portal says it.
  'widget.status': resolverOperation(z.strictObject({ projectKey: projectKey.optional() }), (input, caller, deps) =>
    showWidget(deps, {
      projectKey: input.projectKey,
      serviceDeskId: portalOf(caller.extension),
      licenseActive: caller.licenseActive,
      onPortalFooter: caller.extension.type === 'jiraServiceManagement:portalFooter'
    })
  ),

  // The space is the portal's (portalChatSpace): a payload projectKey must agree with it.
  'chat.start': resolverOperation(
    z.strictObject({
      projectKey: projectKey.optional(),
      summary: summary.optional(),
      transcript: transcript.optional()
    }),
    async (input, caller, deps) => {
      const transcript = input.transcript ?? [];
      const space = await portalChatSpace(deps, { projectKey: input.projectKey, serviceDeskId: portalOf(caller.extension) });
      return startChatWithinLimit(deps, {
        projectKey: space,
        summary: input.summary ?? defaultSummary(transcript),
        transcript,
        customerAccountId: caller.accountId ?? null,
        licenseActive: caller.licenseActive
      });
    }
  ),

  // The signed-in customer's running chat in the portal's space (started by the Rovo action, or in another browser).
  'chat.resume': resolverOperation(z.strictObject({}), async (_input, caller, deps) => {
    const space = await portalChatSpace(deps, { serviceDeskId: portalOf(caller.extension) });
    return resumeChat(deps, { projectKey: space, customerAccountId: caller.accountId ?? null });
  }),

  'chat.get': resolverOperation(z.strictObject({ conversationId, token: chatToken, afterSeq }), (input, _caller, deps) =>
    showChat(deps, input)
  ),

  'chat.send': resolverOperation(z.strictObject({ conversationId, token: chatToken, text: messageText }), (input, _caller, deps) =>
    sendCustomerMessage(deps, input)
  ),

  'chat.typing': resolverOperation(z.strictObject({ conversationId, token: chatToken }), (input, _caller, deps) =>
    signalCustomerTyping(deps, input)
  ),

  'chat.end': resolverOperation(z.strictObject({ conversationId, token: chatToken }), (input, _caller, deps) => endChat(deps, input)),

  // H3: outside business hours, a request instead of a chat; the space is the portal's, as for chat.start.
  'chat.leaveRequest': resolverOperation(
    z.strictObject({
      projectKey: projectKey.optional(),
      text: messageText,
      summary: summary.optional(),
      transcript: transcript.optional()
    }),
    async (input, caller, deps) => {
      const space = await portalChatSpace(deps, { projectKey: input.projectKey, serviceDeskId: portalOf(caller.extension) });
      return leaveRequest(deps, {
        projectKey: space,
        text: input.text,
        transcript: input.transcript ?? [],
        ...(input.summary ? { summary: input.summary } : {}),
        customerAccountId: caller.accountId ?? null,
        licenseActive: caller.licenseActive
      });
    }
  ),

  // X1: once per ended chat; the stars and comment are checked by the domain, which names each field.
  'chat.rate': resolverOperation(
    z.strictObject({ conversationId, token: chatToken, stars: z.unknown(), comment: z.unknown().optional() }),
    (input, _caller, deps) => rateChat(deps, input)
  )
};
