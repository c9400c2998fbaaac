import { fail, ok, type FieldError, type Result } from '../result';

/** A space's canned answer (README "Operations beyond PRODUCT.md", SR1). */
export interface SavedReply {
  readonly id: string;
  readonly title: string;
  readonly text: string;
}

/**
 * SR1's limits. Decision: a title fits one line of the picker (80 characters); a text of at most
 * 1,000 characters stays within R29's 4,000 once its placeholders are filled, whatever the names.
 */
export const SAVED_REPLY_LIMITS = { maxReplies: 200, titleMaxChars: 80, textMaxChars: 1_000 } as const;

export type SavedReplyEdit =
  | { readonly kind: 'save'; readonly id: string; readonly title: unknown; readonly text: unknown }
  | { readonly kind: 'delete'; readonly id: string };

const chars = (value: string) => [...value].length;

function fieldErrors(reply: { title: unknown; text: unknown }, others: readonly SavedReply[]): FieldError[] {
  const errors: FieldError[] = [];
  const { title, text } = reply;
  if (typeof title !== 'string' || title.trim().length === 0) errors.push({ field: 'title', message: 'Title must not be empty' });
  else if (chars(title.trim()) > SAVED_REPLY_LIMITS.titleMaxChars)
    errors.push({ field: 'title', message: `Title must be at most ${SAVED_REPLY_LIMITS.titleMaxChars} characters` });
  else if (others.some((other) => sameTitle(other.title, title)))
    errors.push({ field: 'title', message: `Title must be unique in this space: “${title.trim()}” is taken` });
  if (typeof text !== 'string' || text.trim().length === 0) errors.push({ field: 'text', message: 'Text must not be empty' });
  else if (chars(text) > SAVED_REPLY_LIMITS.textMaxChars)
    errors.push({ field: 'text', message: `Text must be at most ${SAVED_REPLY_LIMITS.textMaxChars.toLocaleString('en-US')} characters` });
  return errors;
}

/** Decision: titles are unique ignoring case and surrounding spaces (“VPN” and “vpn ” would read alike in the picker). */
function sameTitle(a: string, b: string): boolean {
  return a.trim().toLowerCase() === b.trim().toLowerCase();
}

/**
 * SR1: one edit of a space's saved replies, applied whole or not at all. A save with a new id adds
 * (at most 200 per space), with a known id replaces; a delete of an unknown id is `not_found`.
 * Invalid input is `invalid`, naming each field (`title`, `text`); nothing changes then.
 */
export function applySavedReplyEdit(current: readonly SavedReply[], edit: SavedReplyEdit): Result<SavedReply[]> {
  const index = current.findIndex((reply) => reply.id === edit.id);
  if (edit.kind === 'delete') {
    if (index < 0) return fail('not_found', 'That saved reply no longer exists.');
    return ok(current.filter((reply) => reply.id !== edit.id));
  }
  const others = current.filter((reply) => reply.id !== edit.id);
  const errors = fieldErrors(edit, others);
  if (errors.length > 0) return fail('invalid', errors.map((e) => e.message).join('. '), errors);
  if (index < 0 && current.length >= SAVED_REPLY_LIMITS.maxReplies) {
    return fail('invalid', `A space can have at most ${SAVED_REPLY_LIMITS.maxReplies} saved replies. Delete one to add another.`, [
      { field: 'title', message: `At most ${SAVED_REPLY_LIMITS.maxReplies} saved replies per space` }
    ]);
  }
  const saved: SavedReply = { id: edit.id, title: (edit.title as string).trim(), text: (edit.text as string).trim() };
  const next = [...current];
  if (index < 0) next.push(saved);
  else next[index] = saved;
  return ok(next);
}

/** The picker's order: by title, as an agent scans a list. */
export function sortedReplies(replies: readonly SavedReply[]): SavedReply[] {
  return [...replies].sort((a, b) => a.title.localeCompare(b.title, 'en', { sensitivity: 'base' }) || a.id.localeCompare(b.id));
}
