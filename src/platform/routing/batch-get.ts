import { kvs } from '@forge/kvs';
import { storage } from '../storage-busy';

/** Forge's limit on keys per batch operation. */
const BATCH = 25;

/**
 * Reads items by key, 25 per batch (batches in parallel). Answers `entityName/key` (or
 * `/key` for plain keys) → value; absent keys are left out.
 */
export async function batchGet(items: readonly { key: string; entityName?: string }[]): Promise<Map<string, unknown>> {
  const found = new Map<string, unknown>();
  const batches: { key: string; entityName?: string }[][] = [];
  for (let i = 0; i < items.length; i += BATCH) batches.push(items.slice(i, i + BATCH));
  const answers = await Promise.all(batches.map((batch) => storage(() => kvs.batchGet<unknown>(batch))));
  for (const answer of answers) {
    for (const item of answer.successfulKeys) found.set(`${item.entityName ?? ''}/${item.key}`, item.value);
    const failed = answer.failedKeys.find((f) => f.error.code !== 'KEY_NOT_FOUND');
    if (failed) throw new Error(`Storage could not read ${failed.key}: ${failed.error.code} ${failed.error.message}`);
  }
  return found;
}
