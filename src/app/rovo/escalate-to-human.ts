import { renderFallbackMessage } from '../../domain';
import { AppError } from '../../handlers/app-error';
import { startChat } from '../chat/start-chat';
import type { RoutingDeps } from '../routing/routing-deps';
import { loadSpace, type LoadSpaceDeps } from '../spaces/load-space';
import type { StoredSpace } from '../spaces/space-store';
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
  /** The live chat on the space's help portal, while the chat can still be joined. */
  readonly chatUrl?: string;
}

const INSTEAD = 'Please raise a request on the help portal instead; the team will follow up there.';

export type EscalateDeps = RoutingDeps & LoadSpaceDeps & { readonly license: () => boolean | undefined };

/**
 * R25: the Rovo action starts the handoff for a space through the same use case as the
 * widget (startChat), idempotent per Rovo conversation: the same rovoConversationId answers
 * with the same chat. Refusals (live chat off or not set up, R27 deactivated, R31 license)
 * come from startChat as `unavailable` with a message fit for the customer.
 */
export async function escalateToHuman(deps: EscalateDeps, input: EscalationInput, customerAccountId: string | null): Promise<EscalationAnswer> {
  const started = await startChat(deps, {
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
    return { message: started.fallback ?? renderFallbackMessage('We have logged your request as {workItem}.', workItemKey), conversationId, workItemKey };
  }
  if (started.status === 'resolved') {
    return { message: `Your live chat about this has ended. Your request is logged as ${workItemKey}; follow up there.`, conversationId, workItemKey };
  }
  const space = await loadSpace(deps, input.projectKey);
  const chatUrl = space ? chatLink(space, conversationId, started.token) : undefined;
  const waiting = started.queuePosition ? ` You are number ${started.queuePosition} in the queue.` : '';
  const join = chatUrl ? ` Open the live chat to talk to them: ${chatUrl}` : '';
  return {
    message: `I have asked a person from our team to take over; your request is logged as ${workItemKey}.${waiting}${join}`,
    conversationId,
    workItemKey,
    ...(chatUrl ? { chatUrl } : {})
  };
}

/**
 * The space's help portal with the chat to open. The secret (R24) travels in the fragment,
 * which browsers never send to a server; the widget reads both to resume the chat.
 */
function chatLink(space: StoredSpace, conversationId: string, token: string): string | undefined {
  if (!space.siteUrl || !space.serviceDeskId) return undefined;
  return `${space.siteUrl}/servicedesk/customer/portal/${space.serviceDeskId}?liveChat=${encodeURIComponent(conversationId)}#liveChatToken=${encodeURIComponent(token)}`;
}
