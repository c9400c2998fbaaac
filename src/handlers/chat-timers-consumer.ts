import { z } from 'zod';
import { dispatchWaiting } from '../app/routing/dispatch-waiting';
import { wakeConversation } from '../app/routing/wake-conversation';
import { composeApp, retryLater, type RetryLater } from '../composition';
import { isRetryable } from '../app/ports/jira-error';
import { isStorageBusy } from '../app/ports/storage-busy';
import { AppError } from '../app/app-error';

const job = z.discriminatedUnion('type', [
  z.object({ type: z.literal('wake'), conversationId: z.string(), at: z.number() }),
  z.object({ type: z.literal('dispatch'), projectKeys: z.array(z.string()).max(50), at: z.number().optional() })
]);

/** Seconds before a busy decision is tried again (the queue redelivers; the sweep is the net beneath). */
const RETRY_AFTER_SECONDS = 5;

/**
 * The `chat-timers` consumer: each conversation's timer event (R9, R12, R13) and follow-up
 * dispatches (R11). Delivered at least once, in any order: each job re-checks the records, so
 * a duplicate changes nothing. An event beyond the queue's 15-minute delay arrives early and is
 * pushed again for the rest of its wait. Busy storage or contention: redelivery; anything else
 * is dropped after one log line (the sweep finds what is left).
 */
export async function onChatTimer(event: { body?: unknown }): Promise<RetryLater | undefined> {
  const parsed = job.safeParse(event?.body);
  if (!parsed.success) {
    console.error(JSON.stringify({ event: 'chat-timers.bad-job', error: parsed.error.message }));
    return undefined;
  }
  const deps = composeApp();
  try {
    const work = parsed.data;
    if (work.type === 'dispatch') await dispatchWaiting(deps, work.projectKeys);
    else await wakeConversation(deps, work.conversationId, work.at);
    return undefined;
  } catch (error) {
    if (error instanceof AppError && (error.code === 'conflict' || error.code === 'unavailable')) return retryLater(RETRY_AFTER_SECONDS);
    if (isRetryable(error)) return retryLater(error.retryAfterSeconds);
    if (isStorageBusy(error)) return retryLater(RETRY_AFTER_SECONDS);
    console.error(JSON.stringify({ event: 'chat-timers.failed', job: parsed.data.type, error: String(error) }));
    return undefined;
  }
}
