/** @jsxImportSource preact */
import type { ComponentChildren } from 'preact';

/** One chat in a list (the agent's chats, their history): its summary, a meta line, and whatever follows. */
export function ChatItem({
  conversationId,
  summary,
  selectedId,
  onSelect,
  meta,
  children
}: {
  conversationId: string;
  summary: string;
  selectedId: string | null;
  onSelect: (conversationId: string) => void;
  meta: ComponentChildren;
  children?: ComponentChildren;
}) {
  const selected = conversationId === selectedId;
  return (
    <li>
      <button
        type="button"
        class={`chat-item${selected ? ' selected' : ''}`}
        aria-current={selected ? 'true' : undefined}
        onClick={() => onSelect(conversationId)}
      >
        <span class="chat-summary">{summary}</span>
        <span class="chat-meta">{meta}</span>
        {children}
      </button>
    </li>
  );
}
