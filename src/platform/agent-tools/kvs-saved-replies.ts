import { Filter, FilterConditions, kvs } from '@forge/kvs';
import type { SavedReply } from '../../domain';
import type { SavedReplyStore } from '../../app/ports/saved-reply-store';
import { batchGet } from '../routing/batch-get';
import { isConditionFailed } from '../routing/storage-errors';
import { storage } from '../storage-busy';

/**
 * Entity `saved-replies`: a space's whole list (SR1) packed into parts of at most 100,000 bytes,
 * keys `{projectKey}:0`, `{projectKey}:1`, …, every part carrying the list's version. Forge keeps
 * at most 240 KiB in one value; 200 replies of 80 + 1,000 characters can reach about 650 KB, so
 * a full list takes up to 7 parts, and a usual one (a few dozen short replies) one: the inbox's
 * picker reads it with one get. A save writes every part in one transaction, conditional on part
 * 0's version, so two admins saving at once never leave a list made of both.
 */
const ENTITY = 'saved-replies';
const PART_BYTES = 100_000;
const MAX_PARTS = 8;

interface PartItem {
  version: number;
  part: number;
  parts: number;
  replies: SavedReply[];
}

const partKey = (projectKey: string, part: number) => `${projectKey}:${part}`;

export function kvsSavedReplies(): SavedReplyStore {
  return {
    async read(projectKey) {
      // A save between the first part and the others shows as parts of two versions: read again.
      for (let attempt = 0; attempt < 3; attempt++) {
        const first = await storage(() => kvs.entity<PartItem>(ENTITY).get(partKey(projectKey, 0)));
        if (!first) return { replies: [], version: null };
        if (first.parts === 1) return { replies: first.replies, version: first.version };
        const keys = Array.from({ length: first.parts - 1 }, (_, i) => ({ key: partKey(projectKey, i + 1), entityName: ENTITY }));
        const found = await batchGet(keys);
        const rest = keys.map((k) => found.get(`${ENTITY}/${k.key}`) as PartItem | undefined);
        if (rest.every((part) => part?.version === first.version)) {
          return { replies: [first, ...(rest as PartItem[])].flatMap((part) => part.replies), version: first.version };
        }
      }
      throw new Error(`Saved replies of ${projectKey} kept changing while read`);
    },

    async write(projectKey, replies, expectedVersion) {
      const parts = pack(replies);
      const previous = expectedVersion === null ? null : await storage(() => kvs.entity<PartItem>(ENTITY).get(partKey(projectKey, 0)));
      const version = (expectedVersion ?? 0) + 1;
      const condition = new Filter<PartItem>().and(
        'version',
        expectedVersion === null ? FilterConditions.notExists() : FilterConditions.equalTo(expectedVersion)
      );
      let transaction = kvs.transact();
      parts.forEach((chunk, part) => {
        const item: PartItem = { version, part, parts: parts.length, replies: chunk };
        transaction = transaction.set<PartItem>(
          partKey(projectKey, part),
          item,
          part === 0 ? { entityName: ENTITY, conditions: condition } : { entityName: ENTITY }
        );
      });
      for (let part = parts.length; part < (previous?.parts ?? 0); part++) {
        transaction = transaction.delete(partKey(projectKey, part), { entityName: ENTITY });
      }
      try {
        await storage(() => transaction.execute());
        return 'written';
      } catch (error) {
        if (isConditionFailed(error)) return 'conflict';
        throw error;
      }
    }
  };
}

/** Replies in order, cut into parts of at most PART_BYTES of JSON (an empty list is one empty part). */
function pack(replies: readonly SavedReply[]): SavedReply[][] {
  const parts: SavedReply[][] = [[]];
  let bytes = 0;
  for (const reply of replies) {
    const size = Buffer.byteLength(JSON.stringify(reply), 'utf8') + 1;
    if (bytes + size > PART_BYTES && parts[parts.length - 1].length > 0) {
      parts.push([]);
      bytes = 0;
    }
    parts[parts.length - 1].push(reply);
    bytes += size;
  }
  if (parts.length > MAX_PARTS) throw new Error(`Saved replies need ${parts.length} parts, more than ${MAX_PARTS}`);
  return parts;
}
