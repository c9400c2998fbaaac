import { endChat } from '../app/chat/end-chat';
import { sendCustomerMessage } from '../app/chat/send-message';
import { resumeChat } from '../app/chat/resume-chat';
import { showChat } from '../app/chat/show-chat';
import { showWidget } from '../app/chat/show-widget';
import { signalCustomerTyping } from '../app/chat/signal-typing';
import { startChatWithinLimit } from '../app/chat/start-chat-within-limit';
import { portalChatSpace } from '../app/chat/portal-chat-space';
import { defaultSummary } from '../app/chat/transcript-text';
import { portalOf } from './portal-of';
import type { OperationHandlers } from './resolver-operation';

/** The customer's operations (the portal widget). R24: after the start, the chat's secret is the proof of access. */
export const chatOperations = {
  // R22: `{}` on a portal page (the space comes from the portal), or `{ projectKey }` where no portal says it.
  'widget.status': (input, caller, deps) =>
    showWidget(deps, {
      projectKey: input.projectKey,
      serviceDeskId: portalOf(caller.extension),
      licenseActive: caller.licenseActive,
      onPortalFooter: caller.extension.type === 'jiraServiceManagement:portalFooter'
    }),

  // The space is the portal's (portalChatSpace): a payload projectKey must agree with it.
  'chat.start': async (input, caller, deps) => {
    const transcript = input.transcript ?? [];
    const space = await portalChatSpace(deps, { projectKey: input.projectKey, serviceDeskId: portalOf(caller.extension) });
    return startChatWithinLimit(deps, {
      projectKey: space,
      summary: input.summary ?? defaultSummary(transcript),
      transcript,
      customerAccountId: caller.accountId ?? null,
      licenseActive: caller.licenseActive
    });
  },

  // The signed-in customer's running chat in the portal's space (started by the Rovo action, or in another browser).
  'chat.resume': async (_input, caller, deps) => {
    const space = await portalChatSpace(deps, { serviceDeskId: portalOf(caller.extension) });
    return resumeChat(deps, { projectKey: space, customerAccountId: caller.accountId ?? null });
  },

  'chat.get': (input, _caller, deps) => showChat(deps, input),
  'chat.send': (input, _caller, deps) => sendCustomerMessage(deps, input),
  'chat.typing': (input, _caller, deps) => signalCustomerTyping(deps, input),
  'chat.end': (input, _caller, deps) => endChat(deps, input)
} satisfies Partial<OperationHandlers>;
