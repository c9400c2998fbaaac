import { kvs } from '@forge/kvs';
import type { AttachmentStore, UploadRecord } from '../../app/ports/attachment-store';
import { RETENTION } from './routing-entities';
import { storage } from '../storage-busy';
import { isConditionFailed } from './storage-errors';

const uploadKey = (conversationId: string, uploadId: string) => `upload:${conversationId}:${uploadId}`;
const partKey = (conversationId: string, uploadId: string, part: number) => `upload-part:${conversationId}:${uploadId}:${part}`;
/** Parts read per batch: 10 × 240 KiB stays under the 4 MB Forge allows a storage request. */
const PARTS_PER_READ = 10;

/**
 * An upload's record and its parts as plain keys, each with R30's TTL: a file leaves app storage
 * 30 days after it was sent, as the chat's messages do (the file stays on the work item).
 */
export function kvsAttachmentStore(): AttachmentStore {
  return {
    async upload(conversationId, uploadId) {
      return (await storage(() => kvs.get<UploadRecord>(uploadKey(conversationId, uploadId)))) ?? null;
    },

    async begin(record) {
      try {
        await storage(() => kvs.set(uploadKey(record.conversationId, record.id), record, { keyPolicy: 'FAIL_IF_EXISTS', ttl: RETENTION }));
        return true;
      } catch (error) {
        // 409: the upload id is taken (FAIL_IF_EXISTS), by an earlier attempt of this upload.
        if (isConditionFailed(error)) return false;
        throw error;
      }
    },

    async update(record) {
      await storage(() => kvs.set(uploadKey(record.conversationId, record.id), record, { ttl: RETENTION }));
    },

    async putPart(conversationId, uploadId, part, base64) {
      await storage(() => kvs.set(partKey(conversationId, uploadId, part), base64, { ttl: RETENTION }));
    },

    async parts(conversationId, uploadId, indexes) {
      const out: (string | null)[] = [];
      for (let i = 0; i < indexes.length; i += PARTS_PER_READ) {
        const keys = indexes.slice(i, i + PARTS_PER_READ).map((part) => ({ key: partKey(conversationId, uploadId, part) }));
        const answer = await storage(() => kvs.batchGet<string>(keys));
        const found = new Map(answer.successfulKeys.map((item) => [item.key, item.value]));
        const failed = answer.failedKeys.find((f) => f.error.code !== 'KEY_NOT_FOUND');
        if (failed) throw new Error(`Storage could not read ${failed.key}: ${failed.error.code} ${failed.error.message}`);
        out.push(...keys.map(({ key }) => found.get(key) ?? null));
      }
      return out;
    }
  };
}
