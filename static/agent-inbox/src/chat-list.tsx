/** @jsxImportSource preact */
import type { ComponentChildren } from 'preact';

interface ListedChat {
  readonly conversationId: string;
  readonly summary: string;
}

/**
 * A list of chats (the agent's chats, their history): each row its summary, a meta line and
 * whatever `extra` adds, and opens the chat when chosen.
 */
export function ChatList<C extends ListedChat>({
  chats,
  selectedId,
  onSelect,
  meta,
  extra
}: {
  chats: readonly C[];
  selectedId: string | null;
  onSelect: (conversationId: string) => void;
  meta: (chat: C) => string;
  extra?: (chat: C) => ComponentChildren;
}) {
  return (
    <ul class="chat-list">
      {chats.map((chat) => {
        const selected = chat.conversationId === selectedId;
        return (
          <li key={chat.conversationId}>
            <button
              type="button"
              class={`chat-item${selected ? ' selected' : ''}`}
              aria-current={selected ? 'true' : undefined}
              onClick={() => onSelect(chat.conversationId)}
            >
              <span class="chat-summary">{chat.summary}</span>
              <span class="chat-meta">{meta(chat)}</span>
              {extra?.(chat)}
            </button>
          </li>
        );
      })}
    </ul>
  );
}
