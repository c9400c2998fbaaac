import { AppError } from '../app-error';
import type { StoredConversation } from '../ports/routing-store';
import type { AppDeps } from '../app-deps';

/**
 * R18: `full` for the assigned agent and invited participants (messages, writing), and once
 * the chat has ended for its former assignees too (History: they were its assigned agent);
 * `offer` for the agent it is offered to (summary and AI context, to decide); `metadata`
 * for everyone else with a right to the space's queue (its agents, its admins, the site
 * admin): only that it exists. Anyone else may not see it at all (R28).
 */
export type ConversationAccess = 'full' | 'offer' | 'metadata';

/**
 * The assignee accepted as an agent of the space (R28, asked as them); a participant was
 * invited from the space's agents as the app last read them (R3, up to 10 minutes old), so
 * they keep reading only while Jira, asked as them, still says they are an agent of the space.
 */
async function isOnConversation(deps: Pick<AppDeps, 'callers'>, stored: StoredConversation, accountId: string): Promise<boolean> {
  if (stored.conversation.assignee === accountId) return true;
  // History: an agent a transfer took the chat from reads it again once it has ended (never while it runs).
  const former = stored.conversation.outcome !== null && (stored.details.formerAssignees ?? []).includes(accountId);
  if (!former && !stored.details.participants.includes(accountId)) return false;
  return allowed(() => deps.callers.requireSpaceAgent(accountId, stored.conversation.projectKey));
}

export async function conversationAccess(
  deps: Pick<AppDeps, 'callers'>,
  accountId: string | undefined,
  stored: StoredConversation
): Promise<ConversationAccess> {
  const { conversation } = stored;
  if (!accountId) throw new AppError('forbidden', 'Sign in as an agent of this space to see its chats.');
  if (await isOnConversation(deps, stored, accountId)) return 'full';
  if (conversation.offer?.agentId === accountId) return 'offer';
  if (await allowed(() => deps.callers.requireSpaceAgent(accountId, conversation.projectKey))) return 'metadata';
  if (await allowed(() => deps.callers.requireSpaceAdmin(accountId, conversation.projectKey))) return 'metadata';
  await deps.callers.requireSiteAdmin(accountId);
  return 'metadata';
}

/** R18: reading and writing messages. */
export async function requireOnConversation(
  deps: Pick<AppDeps, 'callers'>,
  accountId: string | undefined,
  stored: StoredConversation
): Promise<string> {
  if (accountId && (await isOnConversation(deps, stored, accountId))) return accountId;
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
