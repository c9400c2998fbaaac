import { randomUUID } from 'node:crypto';
import { AppError } from '../app-error';
import type { ChatStartEntry, ChatStartLog } from '../ports/chat-start-log';
import type { AppDeps } from '../app-deps';
import { startChat, type StartChatInput, type StartedChat } from './start-chat';
import { givePlaceBack, takePlace } from './window-place';

/**
 * Every chat start creates a work item (R15), so `chat.start` is limited: a signed-in customer
 * may start CHAT_START_LIMITS.customer.starts chats in 10 minutes; anonymous visitors, who
 * cannot be told apart, share CHAT_START_LIMITS.anonymous.starts per space in 10 minutes.
 */
export const CHAT_START_LIMITS = {
  customer: { starts: 5, windowMs: 10 * 60_000 },
  anonymous: { starts: 20, windowMs: 10 * 60_000 }
} as const;

/**
 * A signed-in customer's bucket is kept a day after their last start, longer than its window:
 * it also says which chats they started, so the portal can take them back into a running one
 * (chat.resume; R30: nothing kept past that use). Only starts inside the window count.
 */
export const CUSTOMER_STARTS_KEPT_MS = 24 * 60 * 60_000;

export function customerBucket(accountId: string): string {
  return `account:${accountId}`;
}

export type ChatStartDeps = AppDeps & { readonly chatStarts: ChatStartLog };

/**
 * `chat.start`: once the space can take the chat, a place in the caller's window is reserved
 * (a conditional write, so racing starts cannot overfill it), then the work item is created.
 * A start whose work item could not be created (Jira busy) gives its place back, so "try
 * again" stays possible; a refused start (space off, bad input) touches no window.
 */
export async function startChatWithinLimit(deps: ChatStartDeps, input: StartChatInput): Promise<StartedChat> {
  return startChat(deps, { ...input, admission: chatStartAdmission(deps, input) });
}

/** The flood limit's gate (StartChatInput.admission), also taken by an after-hours request (leave-request.ts), which creates a work item too. */
export function chatStartAdmission(
  deps: ChatStartDeps,
  input: { readonly projectKey: string; readonly customerAccountId: string | null }
): NonNullable<StartChatInput['admission']> {
  const anonymous = input.customerAccountId === null;
  // Anonymous visitors cannot be told apart (Forge names them all 'unidentified'): they share their space's bucket.
  const bucket = input.customerAccountId === null ? `space:${input.projectKey}` : customerBucket(input.customerAccountId);
  const limit = anonymous ? CHAT_START_LIMITS.anonymous : CHAT_START_LIMITS.customer;
  const keepMs = anonymous ? limit.windowMs : CUSTOMER_STARTS_KEPT_MS;
  let reserved: ChatStartEntry | null = null;
  const admission = {
    admit: async (conversationId: string) => {
      const entry = {
        id: randomUUID(),
        at: deps.clock.now(),
        ...(anonymous ? {} : { chat: { conversationId, projectKey: input.projectKey } })
      };
      await takePlace(deps.chatStarts, bucket, { places: limit.starts, windowMs: limit.windowMs, keepMs }, entry, (waitMs) =>
        refused(limit.windowMs, waitMs)
      );
      reserved = entry;
    },
    withdraw: async () => {
      if (reserved) await givePlaceBack(deps.chatStarts, bucket, reserved.id, keepMs);
    }
  };
  return admission;
}

function refused(windowMs: number, waitMs: number): AppError {
  const minutes = Math.max(1, Math.ceil(waitMs / 60_000));
  return new AppError(
    'rate_limited',
    `Too many chats were started here in the last ${windowMs / 60_000} minutes. Please try again in ${minutes} minute${minutes === 1 ? '' : 's'}.`
  );
}
