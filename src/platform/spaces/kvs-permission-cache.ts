import { kvs } from '@forge/kvs';

/**
 * R28's answers from Jira, kept briefly so agents' frequent calls (heartbeats, polling) cost a
 * KVS read instead of a Jira request: a grant for 5 minutes, a refusal for 1 (so someone just
 * given a role waits little). KVS TTL removes them; nothing else ever deletes them. Forge may
 * delete an expired item up to 48 hours late and still return it until then, so each answer
 * carries its own end (`until`), and one past it counts as not cached (R28: a revoked role
 * stops working within the 5 minutes, not two days later).
 */
export const GRANT_TTL_SECONDS = 300;
export const REFUSAL_TTL_SECONDS = 60;

export interface PermissionCache {
  get(accountId: string, check: string): Promise<boolean | undefined>;
  put(accountId: string, check: string, allowed: boolean): Promise<void>;
}

const key = (accountId: string, check: string) => `caller:${check}:${accountId}`;

interface CachedAnswer {
  allowed: boolean;
  /** Epoch ms after which the answer is not used (an item without it, from before, is not used either). */
  until?: number;
}

export function kvsPermissionCache(now: () => number = () => Date.now()): PermissionCache {
  return {
    async get(accountId, check) {
      const cached = await kvs.get<CachedAnswer>(key(accountId, check));
      return cached?.until !== undefined && cached.until > now() ? cached.allowed : undefined;
    },
    async put(accountId, check, allowed) {
      const seconds = allowed ? GRANT_TTL_SECONDS : REFUSAL_TTL_SECONDS;
      await kvs.set<CachedAnswer>(
        key(accountId, check),
        { allowed, until: now() + seconds * 1000 },
        { ttl: { value: seconds, unit: 'SECONDS' } }
      );
    }
  };
}
