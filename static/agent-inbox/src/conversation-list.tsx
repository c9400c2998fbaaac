/** @jsxImportSource preact */
import { conversationStatus } from '../../../src/frontend/shared/labels';
import type { AgentConversation } from '../../../src/frontend/shared/operations';
import { plural } from '../../../src/frontend/shared/format';
import { ChatList } from './chat-list';
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
        <ChatList
          chats={orderConversations(conversations)}
          selectedId={selectedId}
          onSelect={onSelect}
          meta={(c) => `${c.workItemKey} · ${conversationStatus(c.status).label}`}
          extra={(c) =>
            c.unread > 0 && (
              <span class="badge">
                <span aria-hidden="true">{c.unread}</span>
                <span class="visually-hidden">{plural(c.unread, 'unread message')}</span>
              </span>
            )
          }
        />
      )}
    </section>
  );
}
