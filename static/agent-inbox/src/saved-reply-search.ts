/** SR2 in the composer: when the picker opens and what it lists (no browser needed, so tested alone). */
import type { SavedReply } from '../../../src/frontend/shared/operations';

/** The picker's search text while the message is a `/` command ("/vpn" → "vpn"); null otherwise. */
export function slashQuery(text: string): string | null {
  const match = /^\/([^\n]{0,80})$/.exec(text);
  return match ? match[1] : null;
}

/** Replies whose title starts with the search first, then those whose title or text contain it; at most `limit`. */
export function matchReplies(replies: readonly SavedReply[], query: string, limit = 8): SavedReply[] {
  const needle = query.trim().toLowerCase();
  if (!needle) return replies.slice(0, limit);
  const starts = replies.filter((r) => r.title.toLowerCase().startsWith(needle));
  const contains = replies.filter(
    (r) => !starts.includes(r) && (r.title.toLowerCase().includes(needle) || r.text.toLowerCase().includes(needle))
  );
  return [...starts, ...contains].slice(0, limit);
}

/** Arrow keys move through the list and wrap around. */
export function movedIndex(index: number, count: number, key: 'ArrowDown' | 'ArrowUp'): number {
  if (count === 0) return 0;
  return key === 'ArrowDown' ? (index + 1) % count : (index - 1 + count) % count;
}
