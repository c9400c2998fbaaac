import { randomUUID } from 'node:crypto';
import { applySavedReplyEdit, sortedReplies, type SavedReply, type SavedReplyEdit } from '../../domain';
import { AppError } from '../app-error';
import type { SavedReplyStore } from '../ports/saved-reply-store';

export interface SavedRepliesDeps {
  readonly savedReplies: SavedReplyStore;
}

export interface SavedRepliesView {
  readonly replies: readonly SavedReply[];
}

/** SR1 `space.savedReplies.get`: the space's saved replies, by title (the caller is checked by the handler). */
export async function showSavedReplies(deps: SavedRepliesDeps, projectKey: string): Promise<SavedRepliesView> {
  return { replies: sortedReplies((await deps.savedReplies.read(projectKey)).replies) };
}

/** Racing admins: each round one wins; the loser's edit is applied again to what won. */
const ATTEMPTS = 3;

/**
 * SR1 `space.savedReplies.save` / `.delete`: one edit, validated by the domain against the list as
 * stored (200 at most, unique titles), written whole on condition of the version read. Invalid
 * input is `invalid` naming the field, and nothing is written. A new reply gets its id here.
 */
export async function editSavedReplies(
  deps: SavedRepliesDeps,
  projectKey: string,
  edit: { kind: 'save'; id?: string; title: unknown; text: unknown } | { kind: 'delete'; id: string }
): Promise<SavedRepliesView> {
  const decided: SavedReplyEdit = edit.kind === 'save' ? { ...edit, id: edit.id ?? `r-${randomUUID()}` } : edit;
  for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
    const stored = await deps.savedReplies.read(projectKey);
    if (edit.kind === 'save' && edit.id !== undefined && !stored.replies.some((r) => r.id === edit.id)) {
      throw new AppError('not_found', 'That saved reply no longer exists. Reload the page to see the current ones.');
    }
    const result = applySavedReplyEdit(stored.replies, decided);
    if (!result.ok) {
      const fields = result.error.fields && Object.fromEntries(result.error.fields.map((f) => [f.field, f.message]));
      throw new AppError(result.error.code === 'not_found' ? 'not_found' : 'invalid', result.error.message, fields);
    }
    if ((await deps.savedReplies.write(projectKey, result.value, stored.version)) === 'written') {
      return { replies: sortedReplies(result.value) };
    }
  }
  throw new AppError('conflict', 'Someone else is changing this space’s saved replies. Try again.');
}
