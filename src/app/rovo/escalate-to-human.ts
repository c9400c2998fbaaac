import { renderFallbackMessage } from '../../domain';
import { AppError } from '../app-error';
import { startChatWithinLimit, type ChatStartDeps } from '../chat/start-chat-within-limit';
import { loadSpace, type LoadSpaceDeps } from '../spaces/load-space';
import type { StoredSpace } from '../ports/space-store';
import { rovoConversationTurns } from './rovo-conversation';

export interface EscalationInput {
  readonly projectKey: string;
  readonly summary: string;
  readonly conversation: string;
  readonly rovoConversationId?: string;
}

export interface EscalationAnswer {
  /** What the AI tells the customer. */
  readonly message: string;
  readonly conversationId: string;
  readonly workItemKey: string;
  /**
   * The request's page on the space's help portal, while the chat can still be joined: there
   * the widget takes the signed-in customer back into it (chat.resume). No secret travels in it (R24).
   */
  readonly chatUrl?: string;
}

const INSTEAD = 'Please raise a request on the help portal instead; the team will follow up there.';

export type EscalateDeps = ChatStartDeps & LoadSpaceDeps & { readonly license: () => boolean | undefined };

/**
 * R25: the Rovo action starts the handoff for a space through the same use case as the
 * widget (startChatWithinLimit: every start creates a work item, so the same flood limit),
 * idempotent per Rovo conversation and user: the same rovoConversationId from the same account
 * answers with the same chat (the id is the model's word, never the platform's, so it never
 * reaches another account's chat). Refusals (live chat off or not set up, R27 deactivated,
 * R31 license) come from startChat as `unavailable` with a message fit for the customer.
 */
export async function escalateToHuman(
  deps: EscalateDeps,
  input: EscalationInput,
  customerAccountId: string | null
): Promise<EscalationAnswer> {
  const started = await startChatWithinLimit(deps, {
    projectKey: input.projectKey,
    summary: input.summary,
    transcript: rovoConversationTurns(input.conversation),
    customerAccountId,
    licenseActive: deps.license(),
    ...(input.rovoConversationId ? { idempotencyKey: input.rovoConversationId } : {})
  }).catch((error: unknown) => {
    // The AI passes the refusal on: say what the customer can do instead.
    if (error instanceof AppError && error.code === 'unavailable') throw new AppError('unavailable', `${error.message} ${INSTEAD}`);
    throw error;
  });
  const { conversationId, workItemKey } = started;
  if (started.status === 'missed' || started.status === 'expired') {
    return {
      message: started.fallback ?? renderFallbackMessage('We have logged your request as {workItem}.', workItemKey),
      conversationId,
      workItemKey
    };
  }
  if (started.status === 'resolved') {
    return {
      message: `Your live chat about this has ended. Your request is logged as ${workItemKey}; follow up there.`,
      conversationId,
      workItemKey
    };
  }
  const space = await loadSpace(deps, input.projectKey);
  // Only a signed-in customer can be taken back into the chat from the portal (chat.resume finds it by their account).
  const chatUrl = space && customerAccountId !== null ? requestLink(space, workItemKey) : undefined;
  const waiting = started.queuePosition ? ` You are number ${started.queuePosition} in the queue.` : '';
  const join = chatUrl
    ? ` Open your request on the help portal, signed in as you are here, to chat with them: ${chatUrl}`
    : ` They will answer on your request ${workItemKey}.`;
  return {
    message: `I have asked a person from our team to take over; your request is logged as ${workItemKey}.${waiting}${join}`,
    conversationId,
    workItemKey,
    ...(chatUrl ? { chatUrl } : {})
  };
}

/**
 * The work item's request page on the space's help portal, whose footer is the widget. A
 * portal frame cannot read its host page's address (neither query nor fragment), so a link
 * cannot carry the chat; the widget finds the customer's running chat by the account the
 * platform names instead, and no secret is put in a link.
 */
function requestLink(space: StoredSpace, workItemKey: string): string | undefined {
  if (!space.siteUrl || !space.serviceDeskId) return undefined;
  return `${space.siteUrl}/servicedesk/customer/portal/${space.serviceDeskId}/${encodeURIComponent(workItemKey)}`;
}
