/**
 * Recent chat starts per bucket (a signed-in customer, or a space's anonymous visitors), for the
 * flood limit on `chat.start` (and a customer's way back into a chat, chat.resume); the same
 * windows, under `reply:` buckets, limit `assistant.reply` (window-place.ts). Every write is
 * conditional on the version it was read at, so racing callers can never both take the last
 * place in a window.
 */
export interface ChatStartEntry {
  /** Names one reservation, so a refused start can give its place back. */
  readonly id: string;
  readonly at: number;
  /** The chat this start opened, so its customer can find it again from the portal (chat.resume). */
  readonly chat?: { readonly conversationId: string; readonly projectKey: string };
}

export interface ChatStartWindow {
  readonly starts: readonly ChatStartEntry[];
  /** null: nothing stored for the bucket (yet, or any more). */
  readonly version: number | null;
}

export interface ChatStartLog {
  read(bucket: string): Promise<ChatStartWindow>;
  /** 'conflict' when the bucket is no longer at `expectedVersion`; nothing is written then. Kept `keepMs` after the write. */
  write(bucket: string, starts: readonly ChatStartEntry[], expectedVersion: number | null, keepMs: number): Promise<'written' | 'conflict'>;
}
