import type { SavedReply } from '../../domain';

/** A space's saved replies as stored (SR1), with the version a write is conditional on. */
export interface StoredSavedReplies {
  readonly replies: readonly SavedReply[];
  /** null: nothing stored for the space yet. */
  readonly version: number | null;
}

export interface SavedReplyStore {
  read(projectKey: string): Promise<StoredSavedReplies>;
  /** 'conflict' when the space's replies are no longer at `expectedVersion`; nothing is written then. */
  write(projectKey: string, replies: readonly SavedReply[], expectedVersion: number | null): Promise<'written' | 'conflict'>;
}
