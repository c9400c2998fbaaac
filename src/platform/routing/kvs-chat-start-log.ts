import { kvs } from '@forge/kvs';
import { versionIs } from '../kvs-version-condition';
import type { ChatStartEntry, ChatStartLog } from '../../app/ports/chat-start-log';
import { storage } from '../storage-busy';
import { isConditionFailed } from './storage-errors';

/**
 * Entity `chat-start-window` (key: the bucket): the starts of the current window, written on
 * condition of `version`. KVS TTL drops a bucket once its window has passed with no start.
 */
const ENTITY = 'chat-start-window';

interface WindowItem {
  version: number;
  starts: ChatStartEntry[];
}

export function kvsChatStartLog(): ChatStartLog {
  return {
    async read(bucket) {
      const item = await storage(() => kvs.entity<WindowItem>(ENTITY).get(bucket));
      return item ? { starts: item.starts, version: item.version } : { starts: [], version: null };
    },

    async write(bucket, starts, expectedVersion, keepMs) {
      const condition = versionIs<WindowItem>(expectedVersion);
      const ttl = { value: Math.max(1, Math.ceil(keepMs / 1000)), unit: 'SECONDS' as const };
      try {
        await storage(() =>
          kvs
            .transact()
            .set<WindowItem>(
              bucket,
              { version: (expectedVersion ?? 0) + 1, starts: [...starts] },
              { entityName: ENTITY, conditions: condition },
              { ttl }
            )
            .execute()
        );
        return 'written';
      } catch (error) {
        if (isConditionFailed(error)) return 'conflict';
        throw error;
      }
    }
  };
}
