import type { Conversation } from '../../domain';
import { AppError } from '../../handlers/app-error';
import type { ConversationDetails, StoredConversation } from '../ports/routing-store';
import type { RoutingDeps } from '../routing/routing-deps';

/**
 * R18: `full` for the assigned agent and invited participants (messages, writing);
 * `offer` for the agent it is offered to (summary and AI context, to decide); `metadata`
 * for everyone else with a right to the space's queue (its agents, its admins, the site
 * admin): only that it exists. Anyone else may not see it at all (R28).
 */
export type ConversationAccess = 'full' | 'offer' | 'metadata';

export function onConversation(conversation: Conversation, details: ConversationDetails, accountId: string): boolean {
  return conversation.assignee === accountId || details.participants.includes(accountId);
}

export async function conversationAccess(deps: Pick<RoutingDeps, 'callers'>, accountId: string | undefined, stored: StoredConversation): Promise<ConversationAccess> {
  const { conversation, details } = stored;
  if (!accountId) throw new AppError('forbidden', 'Sign in as an agent of this space to see its chats.');
  if (onConversation(conversation, details, accountId)) return 'full';
  if (conversation.offer?.agentId === accountId) return 'offer';
  if (await allowed(() => deps.callers.requireSpaceAgent(accountId, conversation.projectKey))) return 'metadata';
  if (await allowed(() => deps.callers.requireSpaceAdmin(accountId, conversation.projectKey))) return 'metadata';
  await deps.callers.requireSiteAdmin(accountId);
  return 'metadata';
}

/** R18: reading and writing messages. */
export async function requireOnConversation(deps: Pick<RoutingDeps, 'callers'>, accountId: string | undefined, stored: StoredConversation): Promise<string> {
  if (accountId && onConversation(stored.conversation, stored.details, accountId)) return accountId;
  await conversationAccess(deps, accountId, stored); // forbidden for strangers; the space's people learn why below
  throw new AppError('forbidden', 'Only the assigned agent and invited participants can read and write this chat.');
}

async function allowed(check: () => Promise<void>): Promise<boolean> {
  try {
    await check();
    return true;
  } catch (error) {
    if (error instanceof AppError && error.code === 'forbidden') return false;
    throw error;
  }
}
