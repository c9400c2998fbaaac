/**
 * "Typing…" is sent at most once per interval while someone types (chat.typing,
 * conversation.typing): enough for the other side's indicator, few invocations.
 */
export const TYPING_EVERY_MS = 3000;

export function shouldSendTyping(lastSentAt: number | null, now: number, text: string, everyMs = TYPING_EVERY_MS): boolean {
  if (text.trim() === '') return false;
  return lastSentAt === null || now - lastSentAt >= everyMs;
}

/** Plain text, at most 4,000 characters (R29): what may be sent. */
export const MAX_MESSAGE_CHARS = 4000;

export function sendable(text: string): boolean {
  const trimmed = text.trim();
  return trimmed !== '' && [...trimmed].length <= MAX_MESSAGE_CHARS;
}

/** Enter sends; Shift+Enter is a new line; Enter that ends an IME composition is not a send. */
export function isSendKey(event: { key: string; shiftKey: boolean; isComposing?: boolean }): boolean {
  return event.key === 'Enter' && !event.shiftKey && !event.isComposing;
}
