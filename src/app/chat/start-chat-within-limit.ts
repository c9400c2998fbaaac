import { randomUUID } from 'node:crypto';
import { AppError } from '../../handlers/app-error';
import type { ChatStartEntry, ChatStartLog } from '../ports/chat-start-log';
import type { RoutingDeps } from '../routing/routing-deps';
import { startChat, type StartChatInput, type StartedChat } from './start-chat';

/**
 * Every chat start creates a work item (R15), so `chat.start` is limited: a signed-in customer
 * may start CHAT_START_LIMITS.customer.starts chats in 10 minutes; anonymous visitors, who
 * cannot be told apart, share CHAT_START_LIMITS.anonymous.starts per space in 10 minutes.
 */
export const CHAT_START_LIMITS = {
  customer: { starts: 5, windowMs: 10 * 60_000 },
  anonymous: { starts: 20, windowMs: 10 * 60_000 },
} as const;

/** Racing starts in one bucket: each round, one wins the place it read. */
const ATTEMPTS = 5;

export type ChatStartDeps = RoutingDeps & { readonly chatStarts: ChatStartLog };

/**
 * `chat.start`: once the space can take the chat, a place in the caller's window is reserved
 * (a conditional write, so racing starts cannot overfill it), then the work item is created.
 * A start whose work item could not be created (Jira busy) gives its place back, so "try
 * again" stays possible; a refused start (space off, bad input) touches no window.
 */
export async function startChatWithinLimit(deps: ChatStartDeps, input: StartChatInput): Promise<StartedChat> {
  const bucket = input.customerAccountId === null ? `space:${input.projectKey}` : `account:${input.customerAccountId}`;
  const limit = input.customerAccountId === null ? CHAT_START_LIMITS.anonymous : CHAT_START_LIMITS.customer;
  let reserved: ChatStartEntry | null = null;
  const admission = {
    admit: async () => {
      reserved = await reserve(deps.chatStarts, bucket, limit, deps.clock.now());
    },
    withdraw: async () => {
      if (reserved) await release(deps.chatStarts, bucket, reserved.id, limit.windowMs);
    },
  };
  return startChat(deps, { ...input, admission });
}

async function reserve(log: ChatStartLog, bucket: string, limit: { starts: number; windowMs: number }, now: number): Promise<ChatStartEntry> {
  const entry = { id: randomUUID(), at: now };
  for (let attempt = 0; attempt < ATTEMPTS; attempt += 1) {
    const window = await log.read(bucket);
    const recent = window.starts.filter((start) => now - start.at < limit.windowMs);
    if (recent.length >= limit.starts) throw refused(recent, limit, now);
    if ((await log.write(bucket, [...recent, entry], window.version, limit.windowMs)) === 'written') return entry;
  }
  throw new AppError('rate_limited', 'Many chats are starting at this moment. Please try again in a few seconds.');
}

async function release(log: ChatStartLog, bucket: string, id: string, windowMs: number): Promise<void> {
  for (let attempt = 0; attempt < ATTEMPTS; attempt += 1) {
    const window = await log.read(bucket);
    if (!window.starts.some((start) => start.id === id)) return;
    if ((await log.write(bucket, window.starts.filter((start) => start.id !== id), window.version, windowMs)) === 'written') return;
  }
}

function refused(recent: readonly ChatStartEntry[], limit: { starts: number; windowMs: number }, now: number): AppError {
  const oldest = Math.min(...recent.map((start) => start.at));
  const minutes = Math.max(1, Math.ceil((oldest + limit.windowMs - now) / 60_000));
  return new AppError(
    'rate_limited',
    `Too many chats were started here in the last ${limit.windowMs / 60_000} minutes. Please try again in ${minutes} minute${minutes === 1 ? '' : 's'}.`,
  );
}
