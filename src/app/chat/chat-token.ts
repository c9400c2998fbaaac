import { createHash, timingSafeEqual } from 'node:crypto';
import { AppError } from '../app-error';
import type { ConversationDetails } from '../ports/routing-store';

/**
 * R24: an anonymous customer proves access to their conversation with the secret issued
 * when the chat started. Only its hash is stored; the realtime channel is named from it
 * too (by another hash), so only the holder of the secret can name the channel:
 * `live-chat-customer-` + the first 40 hex digits of SHA-256("channel:" + secret).
 */
export function tokenHash(token: string): string {
  return sha256(`token:${token}`);
}

export function customerChannel(token: string): string {
  return `live-chat-customer-${sha256(`channel:${token}`).slice(0, 40)}`;
}

/** R24: the secret must be this conversation's (compared in constant time). */
export function requireToken(details: ConversationDetails | undefined, token: string): ConversationDetails {
  if (!details) throw new AppError('not_found', 'There is no such chat.');
  const given = Buffer.from(tokenHash(token), 'hex');
  const stored = Buffer.from(details.tokenHash, 'hex');
  if (stored.length !== given.length || !timingSafeEqual(stored, given)) {
    throw new AppError('forbidden', 'The chat token is not valid for this chat.');
  }
  return details;
}

function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}
