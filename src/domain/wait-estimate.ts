/**
 * W1 (README, "Operations beyond PRODUCT.md"): a waiting customer's estimated wait, from the
 * space's recent times to accept and their place in the queue. A range, never a promise.
 */

/** How many recent times to accept a space keeps (one KVS key, rewritten on each accept). */
export const ACCEPT_SAMPLES = 20;
/** Below this many samples there is no estimate: two chats say little about the next. */
export const MIN_SAMPLES = 3;
/** Estimates are capped here; beyond, the widget says "more than an hour". */
export const MAX_ESTIMATE_MINUTES = 60;

export interface WaitEstimate {
  readonly minMinutes: number;
  readonly maxMinutes: number;
}

/** The space's recent times to accept (ms from request to accept, newest last), with this accept's added. */
export function recordAcceptTime(samples: readonly number[], timeToAcceptMs: number): number[] {
  return [...samples, Math.max(0, Math.round(timeToAcceptMs))].slice(-ACCEPT_SAMPLES);
}

function quantile(sorted: readonly number[], q: number): number {
  const at = (sorted.length - 1) * q;
  const low = Math.floor(at);
  return sorted[low] + (sorted[Math.ceil(at)] - sorted[low]) * (at - low);
}

/**
 * The wait of the customer at `queuePosition` (1: next): the recent times to accept between
 * their lower and upper quartile, one per place in the queue (each place ahead waits for a
 * slot as they did). Whole minutes, at least 1 and a span of at least a minute; null with too
 * few samples.
 */
export function estimateWait(samples: readonly number[], queuePosition: number): WaitEstimate | null {
  if (samples.length < MIN_SAMPLES || queuePosition < 1) return null;
  const sorted = [...samples].sort((a, b) => a - b);
  const places = Math.floor(queuePosition);
  const low = (quantile(sorted, 0.25) * places) / 60_000;
  const high = (quantile(sorted, 0.75) * places) / 60_000;
  const minMinutes = Math.min(MAX_ESTIMATE_MINUTES, Math.max(1, Math.floor(low)));
  const maxMinutes = Math.min(MAX_ESTIMATE_MINUTES, Math.max(minMinutes + 1, Math.ceil(high)));
  return { minMinutes, maxMinutes };
}
