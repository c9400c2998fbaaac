/** @jsxImportSource preact */
import { conversationStatus } from '../../../src/frontend/shared/labels';
import type { AgentConversation } from '../../../src/frontend/shared/operations';
import { plural } from '../../../src/frontend/shared/format';
import { orderConversations } from './inbox-state';

/** The agent's chats with their unread counts; each opens the chat view. */
export function ConversationList({
  conversations,
  selectedId,
  onSelect
}: {
  conversations: readonly AgentConversation[];
  selectedId: string | null;
  onSelect: (conversationId: string) => void;
}) {
  return (
    <section class="chats" aria-labelledby="chats-heading">
      <h2 id="chats-heading">Your chats</h2>
      {conversations.length === 0 ? (
        <p class="hint">No chats yet. Accepted offers appear here.</p>
      ) : (
        <ul class="chat-list">
          {orderConversations(conversations).map((c) => (
            <li key={c.conversationId}>
              <button
                type="button"
                class={`chat-item${c.conversationId === selectedId ? ' selected' : ''}`}
                aria-current={c.conversationId === selectedId ? 'true' : undefined}
                onClick={() => onSelect(c.conversationId)}
              >
                <span class="chat-summary">{c.summary}</span>
                <span class="chat-meta">
                  {c.workItemKey} · {conversationStatus(c.status).label}
                </span>
                {c.unread > 0 && (
                  <span class="badge">
                    <span aria-hidden="true">{c.unread}</span>
                    <span class="visually-hidden">{plural(c.unread, 'unread message')}</span>
                  </span>
                )}
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
