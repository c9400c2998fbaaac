import { kvs } from '@forge/kvs';
import { versionIs } from '../kvs-version-condition';
import type { WorkItemRecord, WorkItemStore } from '../../app/ports/work-item-store';
import { isConditionFailed } from './kvs-errors';

/**
 * Entity `work-item` (key: conversation id), written with a condition on `version`. Kept 60
 * days, past the 30 days a chat's messages live (R30): long enough for every late retry.
 */
const WORK_ITEM = 'work-item';
const TTL = { value: 60, unit: 'DAYS' as const };

interface WorkItemEntity {
  version: number;
  record: Omit<WorkItemRecord, 'version'>;
}

export function kvsWorkItemStore(): WorkItemStore {
  return {
    async get(conversationId) {
      const stored = await kvs.entity<WorkItemEntity>(WORK_ITEM).get(conversationId);
      return stored ? { ...stored.record, version: stored.version } : null;
    },
    async save(record) {
      const { version, ...rest } = record;
      // Version 0: a record never saved.
      const condition = versionIs<WorkItemEntity>(version === 0 ? null : version);
      try {
        await kvs
          .transact()
          .set<WorkItemEntity>(
            record.conversationId,
            { version: version + 1, record: rest },
            { entityName: WORK_ITEM, conditions: condition },
            { ttl: TTL }
          )
          .execute();
        return 'saved';
      } catch (error) {
        if (isConditionFailed(error)) return 'conflict';
        throw error;
      }
    }
  };
}
