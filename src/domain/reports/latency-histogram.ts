/**
 * RP3 (README, "Operations beyond PRODUCT.md"): a latency kept as counts in fixed buckets, so a
 * day's record stays a few dozen numbers however many chats it counts, days add up bucket by
 * bucket, and a median or p90 comes from the counts alone.
 */

/** Upper bounds (seconds, included) of the buckets; one more bucket holds everything longer. */
export const LATENCY_BOUNDS_SECONDS = [10, 20, 30, 45, 60, 90, 120, 180, 300, 600, 900, 1800, 3600] as const;

/** `counts[i]`: samples in bucket i (the last: longer than an hour). */
export type LatencyHistogram = readonly number[];

export const EMPTY_HISTOGRAM: LatencyHistogram = new Array<number>(LATENCY_BOUNDS_SECONDS.length + 1).fill(0);

/** A quantile as the bucket it falls in: at most `seconds`, or (`over`) more than the last bound. */
export interface LatencyQuantile {
  readonly seconds: number;
  readonly over: boolean;
}

export function bucketOf(ms: number): number {
  const seconds = Math.max(0, ms) / 1000;
  const index = LATENCY_BOUNDS_SECONDS.findIndex((bound) => seconds <= bound);
  return index === -1 ? LATENCY_BOUNDS_SECONDS.length : index;
}

export function addSample(histogram: LatencyHistogram, ms: number): LatencyHistogram {
  const next = normalized(histogram);
  next[bucketOf(ms)] += 1;
  return next;
}

export function addHistograms(a: LatencyHistogram, b: LatencyHistogram): LatencyHistogram {
  const next = normalized(a);
  normalized(b).forEach((count, i) => (next[i] += count));
  return next;
}

export function sampleCount(histogram: LatencyHistogram): number {
  return histogram.reduce((sum, count) => sum + count, 0);
}

/**
 * RP3: the nearest-rank quantile (rank ⌈q·n⌉, at least 1) read from the buckets: the upper
 * bound of the bucket that holds that sample ("at most"), so it never understates a wait.
 * null with no samples.
 */
export function quantile(histogram: LatencyHistogram, q: number): LatencyQuantile | null {
  const counts = normalized(histogram);
  const n = sampleCount(counts);
  if (n === 0) return null;
  const rank = Math.max(1, Math.ceil(q * n));
  let seen = 0;
  for (let i = 0; i < counts.length; i++) {
    seen += counts[i];
    if (seen >= rank) {
      return i < LATENCY_BOUNDS_SECONDS.length
        ? { seconds: LATENCY_BOUNDS_SECONDS[i], over: false }
        : { seconds: LATENCY_BOUNDS_SECONDS[LATENCY_BOUNDS_SECONDS.length - 1], over: true };
    }
  }
  return null; // unreachable: the counts add up to n
}

/** A stored histogram of another length (older buckets, a damaged record) read as the current buckets: longer ones fold into the last. */
function normalized(histogram: LatencyHistogram): number[] {
  const next = [...EMPTY_HISTOGRAM];
  histogram.forEach((count, i) => {
    if (Number.isFinite(count) && count > 0) next[Math.min(i, next.length - 1)] += count;
  });
  return next;
}
