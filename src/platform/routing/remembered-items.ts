import { batchGet } from './batch-get';

/** An item as a write leaves it: written on condition that it is still at `expected` (null: new). */
export interface MergedItem<T extends { version: number }> {
  readonly key: string;
  readonly item: T;
  readonly expected: number | null;
}

/**
 * Items many decisions share (the agents' roster, a space's waiting line) as this invocation
 * last read or wrote them: read once per decision attempt, however many of its steps ask. A
 * commit merges its changes into what was read and is conditional on that item's version, so a
 * remembered item can only cost a retry, never a lost update; a conflict forgets them all, so the
 * next attempt reads afresh.
 */
export class RememberedItems<T extends { version: number }> {
  private readonly seen = new Map<string, T | null>();

  constructor(readonly entityName: string) {}

  /** The items at these keys (null: none yet), remembered ones unless `fresh`; one read per key read. */
  async items(keys: readonly string[], fresh = false): Promise<Map<string, T | null>> {
    const unique = [...new Set(keys)];
    const missing = fresh ? unique : unique.filter((key) => !this.seen.has(key));
    if (missing.length > 0) {
      const found = await batchGet(missing.map((key) => ({ key, entityName: this.entityName })));
      for (const key of missing) this.seen.set(key, (found.get(`${this.entityName}/${key}`) as T | undefined) ?? null);
    }
    return new Map(unique.map((key) => [key, this.seen.get(key) ?? null]));
  }

  /** Forgets these items, or (no keys) every one this invocation remembers. */
  forget(keys?: readonly string[]): void {
    if (keys === undefined) this.seen.clear();
    else for (const key of keys) this.seen.delete(key);
  }

  /** After a commit: the items as written. */
  remember(merged: readonly MergedItem<T>[]): void {
    for (const { key, item } of merged) this.seen.set(key, item);
  }
}

/** Whether the items were written by someone else since `merged` was made from them. */
export function moved<T extends { version: number }>(merged: readonly MergedItem<T>[], now: ReadonlyMap<string, T | null>): boolean {
  return merged.some(({ key, expected }) => (now.get(key)?.version ?? null) !== expected);
}

/** `next` as the version after `current` (null: none yet), written on condition of `current`'s version. */
export function mergedFrom<T extends { version: number }>(key: string, current: T | null, next: T): MergedItem<T> {
  return { key, item: { ...next, version: (current?.version ?? 0) + 1 }, expected: current?.version ?? null };
}
