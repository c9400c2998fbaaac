/** @jsxImportSource preact */
import { useEffect, useState } from 'preact/hooks';
import type { SavedReply } from '../../../src/frontend/shared/operations';
import { run } from '../../../src/frontend/shared/run';
import { matchReplies, movedIndex } from './saved-reply-search';

export const PICKER_LIST_ID = 'saved-reply-list';
export const optionId = (index: number) => `saved-reply-option-${index}`;

/** Loads the chat's saved replies, filled for it (SR2: conversation.savedReplies), once the picker first opens. */
export function useSavedReplies(conversationId: string, open: boolean): { replies: readonly SavedReply[] | null; error: string | null } {
  const [replies, setReplies] = useState<readonly SavedReply[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    if (!open || replies !== null) return;
    void run('conversation.savedReplies', { conversationId }).then((outcome) => {
      if (outcome.ok) setReplies(outcome.value.replies);
      else setError(outcome.error.message);
    });
  }, [open, replies, conversationId]);
  return { replies, error };
}

/**
 * What a key in the text box does while the picker is open: arrows move, Enter inserts the active
 * reply, Esc closes it (the text stays). Answers whether the key was the picker's.
 */
export function pickerKey(
  event: KeyboardEvent,
  matches: readonly SavedReply[],
  active: number,
  act: { move: (index: number) => void; insert: (reply: SavedReply) => void; close: () => void }
): boolean {
  if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
    event.preventDefault();
    act.move(movedIndex(active, matches.length, event.key));
    return true;
  }
  if (event.key === 'Enter' && !event.shiftKey && matches[active]) {
    event.preventDefault();
    act.insert(matches[active]);
    return true;
  }
  if (event.key === 'Escape') {
    event.preventDefault();
    act.close();
    return true;
  }
  return false;
}

/**
 * SR2: the saved replies matching the `/` search, above the message box. A listbox the text box
 * controls (aria-controls, aria-activedescendant): focus stays in the text box while the arrows
 * move; a click inserts too.
 */
export function SavedReplyPicker({
  query,
  replies,
  error,
  active,
  onInsert
}: {
  query: string;
  replies: readonly SavedReply[] | null;
  error: string | null;
  active: number;
  onInsert: (reply: SavedReply) => void;
}) {
  const matches = replies ? matchReplies(replies, query) : [];
  return (
    <div class="picker" id="saved-reply-picker">
      <p class="picker-hint" id="saved-reply-hint">
        Saved replies: ↑ ↓ to choose, Enter to insert, Esc to close.
      </p>
      {error && (
        <p class="error" role="alert">
          {error}
        </p>
      )}
      {replies === null && !error && <p class="hint">Loading saved replies…</p>}
      {replies !== null && matches.length === 0 && (
        <p class="hint">
          {replies.length === 0
            ? 'This space has no saved replies yet. Space admins add them in the space settings.'
            : `No saved reply matches “${query}”.`}
        </p>
      )}
      <ul class="picker-list" id={PICKER_LIST_ID} role="listbox" aria-label="Saved replies">
        {matches.map((reply, index) => (
          <li
            key={reply.id}
            id={optionId(index)}
            role="option"
            aria-selected={index === active}
            class={`picker-option${index === active ? ' active' : ''}`}
            onMouseDown={(event) => {
              // Keeps the focus in the text box.
              event.preventDefault();
              onInsert(reply);
            }}
          >
            <span class="picker-title">{reply.title}</span>
            <span class="picker-text">{reply.text}</span>
          </li>
        ))}
      </ul>
      <p class="visually-hidden" role="status">
        {replies === null ? '' : `${matches.length} saved ${matches.length === 1 ? 'reply' : 'replies'} found`}
      </p>
    </div>
  );
}
