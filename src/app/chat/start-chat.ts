import { createHash, randomUUID } from 'node:crypto';
import { chatUnavailableReason, type ChatUnavailableReason, type PortalPage } from '../../domain';
import { AppError } from '../app-error';
import type { AiTurn } from '../ports/chat-messages';
import type { PushChannel } from '../ports/chat-pushes';
import type { SpaceRecord } from '../ports/space-directory';
import type { ConversationDetails, StoredConversation } from '../ports/routing-store';
import { newLease } from '../work-items/lease';
import { routeRequest } from '../routing/route-request';
import type { AppDeps } from '../app-deps';
import { customerChannel, tokenHash } from './chat-token';
import { customerRealtime, customerStatus, type CustomerStatus } from './customer-status';
import { closedNotice, closedText } from './closed-notice';
import { fallbackText } from './fallback-text';
import { contextText, fittingTurns } from './transcript-text';

export interface StartChatInput {
  readonly projectKey: string;
  readonly summary: string;
  /** The AI conversation so far (R15: the work item's description, the agent's context). */
  readonly transcript: readonly AiTurn[];
  /** The customer's account when known (R15: raised on their behalf); null for anonymous visitors. */
  readonly customerAccountId: string | null;
  /**
   * R25: the same key (the Rovo conversation id) for the same space and the same customer
   * returns the same chat. The key comes from the model, not the platform, so it names a chat
   * only together with the caller's account: needs `customerAccountId`, ignored without one.
   */
  readonly idempotencyKey?: string;
  /** R31: `false` when the platform reports the license inactive; undefined when none applies. */
  readonly licenseActive?: boolean;
  /** CC3: the portal page the customer started from (validated from the portal's context); absent off the portal. */
  readonly portalPage?: PortalPage;
  /**
   * A gate passed once the space can take a new chat, just before its work item is created
   * (chat.start's flood limit): `admit` may refuse by throwing; `withdraw` runs when no work
   * item could be created after all.
   */
  readonly admission?: { admit(conversationId: string): Promise<void>; withdraw(): Promise<void> };
}

export type StartedChat = CustomerStatus & {
  readonly conversationId: string;
  /** R24: the customer's secret for this chat. */
  readonly token: string;
  readonly workItemKey: string;
  /** Where the widget listens for pushes (as chat.get says). */
  readonly realtime: PushChannel;
};

const UNAVAILABLE: Record<ChatUnavailableReason, string> = {
  licenseInactive: 'Live chat is unavailable: the app’s license is not active.',
  disabled: 'Live chat is turned off for this space.',
  notSetUp: 'Live chat is not set up for this space yet.'
};

/**
 * The customer asks for a person: the work item is created first (R15), then the request
 * is routed (R6, R10 missed at once, R11 waiting with a queue position).
 */
export async function startChat(deps: AppDeps, input: StartChatInput): Promise<StartedChat> {
  const space = await chatSpace(deps, input.projectKey, input.licenseActive);
  // H2: no chat starts outside business hours (the customer may leave a request, leave-request.ts).
  const closed = closedNotice(space, deps.clock.now());
  if (closed) throw new AppError('unavailable', closedText(closed));

  const idempotentChat =
    input.idempotencyKey === undefined || input.customerAccountId === null
      ? undefined
      : idempotentId(input.projectKey, input.customerAccountId, input.idempotencyKey);
  const conversationId = idempotentChat ?? `c-${randomUUID()}`;
  const token = await deps.chatSecrets.chatToken(conversationId);
  const [existing] = idempotentChat === undefined ? [] : await deps.routing.conversations([conversationId]);
  if (existing) return answer(deps, existing, token);
  await input.admission?.admit(conversationId);

  const turns = fittingTurns(input.transcript);
  const created = await deps.workItems.create({
    conversationId,
    projectKey: input.projectKey,
    summary: input.summary,
    context: contextText(turns),
    customerAccountId: input.customerAccountId,
    freshConversation: idempotentChat === undefined
  });
  if (!created.ok) {
    await input.admission?.withdraw().catch(() => undefined);
    // Decision: no work item, no chat; the customer may ask again (the same idempotency key finds the same work item).
    const seconds = created.retryable ? created.retryAfterSeconds : 0;
    const wait = created.retryable ? ` Please try again in ${seconds} second${seconds === 1 ? '' : 's'}.` : '';
    throw new AppError('unavailable', `Your request could not be logged right now.${wait}`);
  }
  const { workItemKey } = created;
  const details: ConversationDetails = {
    summary: input.summary,
    aiTurns: turns.length,
    workItemKey,
    tokenHash: tokenHash(token),
    channel: customerChannel(token),
    customerAccountId: input.customerAccountId,
    // JSM names the reporter when it raised the request on the customer's behalf: no lookup then.
    customerName: created.customerName ?? (await customerName(deps, input.customerAccountId)),
    agentName: null,
    participants: [],
    ...(input.portalPage ? { portalPage: input.portalPage } : {}),
    // R15: Jira was busy when the label and Team were to be set: the chat owes that step from its first write.
    ...(created.unlabelled ? { workItemSteps: [{ kind: 'label', projectKey: input.projectKey, ...newLease(deps.clock.now()) }] } : {})
  };
  let routed: StoredConversation;
  try {
    routed = await routeRequest(deps, { conversationId, projectKey: input.projectKey, details, turns });
  } catch (error) {
    // Decision (R14, R15): refused after its work item exists (storage busy or failing, the space just turned off): a missed chat, never an orphan work item.
    // Only once storage says the chat is not there: a chat that was routed after all must not also be told missed.
    const stored = await storedChat(deps, conversationId);
    if (stored === 'unknown') throw error;
    if (stored) return answer(deps, stored, token);
    deps.log('chat.unrouted', { conversationId, workItemKey, error: error instanceof Error ? error.message : String(error) });
    await deps.workItems
      .closeOutUnrouted({ conversationId, projectKey: input.projectKey, workItemKey, unlabelled: created.unlabelled === true })
      .catch(() => undefined);
    return {
      conversationId,
      token,
      workItemKey,
      status: 'missed',
      fallback: fallbackText(space, workItemKey),
      realtime: { channel: customerChannel(token) }
    };
  }
  return answer(deps, routed, token);
}

/** The space a new chat (or an after-hours request) starts in, refused when it cannot take one (R27, R22, R31). */
export async function chatSpace(deps: AppDeps, projectKey: string, licenseActive: boolean | undefined): Promise<SpaceRecord> {
  const space = await deps.spaces.get(projectKey);
  if (!space) throw new AppError('not_found', `There is no service space ${projectKey}.`);
  // R27: a deactivated space refuses new chats; running ones continue.
  if (space.deactivated) throw new AppError('unavailable', 'Live chat has been deactivated for this space.');
  const reason = chatUnavailableReason(space.config, licenseActive);
  if (reason) throw new AppError('unavailable', UNAVAILABLE[reason]);
  return space;
}

/** The chat as storage holds it; 'unknown' when storage cannot say (after a few tries). */
async function storedChat(deps: AppDeps, conversationId: string): Promise<StoredConversation | null | 'unknown'> {
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      const [stored] = await deps.routing.conversations([conversationId]);
      return stored ?? null;
    } catch {
      // storage busy: ask again
    }
  }
  return 'unknown';
}

/** Once the chat exists the customer is answered: the queue position is a courtesy, left out when storage cannot count it now. */
async function answer(deps: AppDeps, stored: StoredConversation, token: string): Promise<StartedChat> {
  const [status, realtime] = await Promise.all([
    customerStatus(deps, stored).catch((): CustomerStatus => ({ status: stored.conversation.status })),
    customerRealtime(deps, stored)
  ]);
  return { conversationId: stored.conversation.id, token, workItemKey: stored.details.workItemKey, ...status, realtime };
}

/**
 * R25: one chat per space, customer and idempotency key, however often they ask. The account is
 * part of the id: the key is the model's word, so two customers whose model says the same key
 * get two chats, each with its own secret.
 */
function idempotentId(projectKey: string, accountId: string, key: string): string {
  return `c-${createHash('sha256').update(`${projectKey}\n${accountId}\n${key}`).digest('hex').slice(0, 32)}`;
}

async function customerName(deps: AppDeps, accountId: string | null): Promise<string> {
  if (accountId === null) return 'Anonymous visitor';
  try {
    return (await deps.people.displayName(accountId)) ?? 'Customer';
  } catch {
    return 'Customer'; // the name is a courtesy; the chat does not wait for Jira
  }
}
