import type { ChatStartLog } from '../ports/chat-start-log';
import type { AppDeps } from '../app-deps';
import { customerBucket } from './start-chat-within-limit';

export interface ResumableChat {
  readonly conversationId: string;
  /** R24: the chat's secret, handed only to the account that started the chat. */
  readonly token: string;
  readonly workItemKey: string;
}

const RUNNING = new Set(['waiting', 'offered', 'active']);

/**
 * `chat.resume`: the signed-in customer's running chat in this space, so the portal widget can
 * take them back into a chat started elsewhere (the Rovo action, another browser). Found
 * through their own chat starts (the flood limit's bucket, keyed by the account the platform
 * names), newest first; R24 holds because only that account is ever answered with the secret.
 * Anonymous visitors have no account to find anything by: null.
 */
export async function resumeChat(
  deps: AppDeps & { readonly chatStarts: ChatStartLog },
  input: { projectKey: string; customerAccountId: string | null }
): Promise<{ chat: ResumableChat | null }> {
  if (input.customerAccountId === null) return { chat: null };
  const { starts } = await deps.chatStarts.read(customerBucket(input.customerAccountId));
  const ids = [...starts]
    .reverse()
    .flatMap((start) => (start.chat && start.chat.projectKey === input.projectKey ? [start.chat.conversationId] : []));
  if (ids.length === 0) return { chat: null };
  const stored = await deps.routing.conversations([...new Set(ids)]);
  const running = ids
    .map((id) => stored.find((chat) => chat.conversation.id === id))
    .find((chat) => chat && RUNNING.has(chat.conversation.status));
  if (!running || running.details.customerAccountId !== input.customerAccountId) return { chat: null };
  const token = await deps.chatSecrets.chatToken(running.conversation.id);
  return { chat: { conversationId: running.conversation.id, token, workItemKey: running.details.workItemKey } };
}
