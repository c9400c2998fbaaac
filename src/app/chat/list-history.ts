import type { ConversationStatus } from '../../domain';
import { AppError } from '../app-error';
import type { AppDeps } from '../app-deps';

/** History: chats per page unless the caller asks for fewer or more (the contract allows 1–50): one index read and one batch read. */
export const HISTORY_PAGE = 20;

export interface HistoryChat {
  readonly conversationId: string;
  readonly projectKey: string;
  readonly summary: string;
  readonly workItemKey: string;
  readonly customerName: string;
  readonly status: ConversationStatus;
  readonly endedAt: number;
}

export interface HistoryList {
  readonly chats: readonly HistoryChat[];
  /** Where the next page starts (pass it back as `before`), null when there is no more. */
  readonly before: string | null;
}

/**
 * conversation.history: the ended chats the caller took part in (assignee, invited
 * participant, or former assignee through a transfer), newest first. Each entry was written
 * with the decision that ended its chat, and lives as long as the chat's record (R30: 30 days;
 * the transcript stays on the work item after that). Opening one is conversation.get, where
 * R18 decides again what the caller may read.
 */
export async function listHistory(
  deps: AppDeps,
  input: { agentId: string | undefined; before?: string | undefined; limit?: number | undefined }
): Promise<HistoryList> {
  if (!input.agentId) throw new AppError('forbidden', 'Sign in as an agent to see your chat history.');
  const page = await deps.routing.history(input.agentId, input.limit ?? HISTORY_PAGE, input.before ?? null);
  const stored = await deps.routing.conversations(page.entries.map((e) => e.conversationId));
  const byId = new Map(stored.map((s) => [s.conversation.id, s]));
  const chats = page.entries.flatMap((entry): HistoryChat[] => {
    const found = byId.get(entry.conversationId);
    if (!found) return []; // its record has expired (R30)
    const { conversation, details } = found;
    return [
      {
        conversationId: conversation.id,
        projectKey: conversation.projectKey,
        summary: details.summary,
        workItemKey: details.workItemKey,
        customerName: details.customerName,
        status: conversation.status,
        endedAt: entry.endedAt
      }
    ];
  });
  return { chats, before: page.before };
}
