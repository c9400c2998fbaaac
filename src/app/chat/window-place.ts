import { randomUUID } from 'node:crypto';
import { AppError } from '../app-error';
import type { ChatStartEntry, ChatStartLog } from '../ports/chat-start-log';

/**
 * A flood limit's sliding window (chat.start, assistant.reply): at most `places` entries in
 * `windowMs` per bucket. Every write is conditional on the version read, so racing callers
 * cannot overfill a window; a bucket keeps its newest entries for `keepMs` (at least the window).
 */
export interface WindowLimit {
  readonly places: number;
  readonly windowMs: number;
  readonly keepMs: number;
}

/** Racing callers in one bucket: each round, one wins the place it read. */
const ATTEMPTS = 5;
/** The newest entries a bucket keeps (more than any window counts), so a bucket stays small. */
const KEPT_ENTRIES = 10;

/** Takes a place for `entry`, or throws what `refuse` makes of the wait until one frees (ms). */
export async function takePlace(
  log: ChatStartLog,
  bucket: string,
  limit: WindowLimit,
  entry: ChatStartEntry,
  refuse: (waitMs: number) => AppError
): Promise<void> {
  const now = entry.at;
  for (let attempt = 0; attempt < ATTEMPTS; attempt += 1) {
    const window = await log.read(bucket);
    const recent = window.starts.filter((start) => now - start.at < limit.windowMs);
    if (recent.length >= limit.places) throw refuse(Math.min(...recent.map((start) => start.at)) + limit.windowMs - now);
    const kept = window.starts.filter((start) => now - start.at < limit.keepMs).slice(-(Math.max(KEPT_ENTRIES, limit.places) - 1));
    if ((await log.write(bucket, [...kept, entry], window.version, limit.keepMs)) === 'written') return;
  }
  throw new AppError('rate_limited', 'Many requests are arriving at this moment. Please try again in a few seconds.');
}

/** Gives the place of entry `id` back (its start created nothing after all). */
export async function givePlaceBack(log: ChatStartLog, bucket: string, id: string, keepMs: number): Promise<void> {
  for (let attempt = 0; attempt < ATTEMPTS; attempt += 1) {
    const window = await log.read(bucket);
    if (!window.starts.some((start) => start.id === id)) return;
    if (
      (await log.write(
        bucket,
        window.starts.filter((start) => start.id !== id),
        window.version,
        keepMs
      )) === 'written'
    )
      return;
  }
}

/** A bucket of a one-minute kind of limit (assistant.reply, the agent's assist), kept as long as its window. */
export interface MinuteBucket {
  readonly bucket: string;
  readonly limit: { readonly places: number; readonly windowMs: number };
}

/** What a per-minute limit reads and writes its windows with. */
export interface MinuteLimitDeps {
  readonly chatStarts: ChatStartLog;
  readonly clock: { now(): number };
}

/** Takes a place now in each bucket, in order, or throws what `refuse` makes of the first full one. */
export async function takePlaces<B extends MinuteBucket>(
  deps: MinuteLimitDeps,
  buckets: readonly B[],
  refuse: (bucket: B, waitMs: number) => AppError
): Promise<void> {
  for (const bucket of buckets) {
    const entry = { id: randomUUID(), at: deps.clock.now() };
    const { limit } = bucket;
    await takePlace(deps.chatStarts, bucket.bucket, { ...limit, keepMs: limit.windowMs }, entry, (waitMs) => refuse(bucket, waitMs));
  }
}

/** "Try again in …" wording: whole seconds, at least one. */
export function secondsToWait(waitMs: number): string {
  const seconds = Math.max(1, Math.ceil(waitMs / 1000));
  return `${seconds} second${seconds === 1 ? '' : 's'}`;
}
