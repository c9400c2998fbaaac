import { kvs } from '@forge/kvs';

/**
 * R28's answers from Jira, kept briefly so agents' frequent calls (heartbeats, polling) cost a
 * KVS read instead of a Jira request: a grant for 5 minutes, a refusal for 1 (so someone just
 * given a role waits little). KVS TTL removes them; nothing else ever deletes them.
 */
export const GRANT_TTL_SECONDS = 300;
export const REFUSAL_TTL_SECONDS = 60;

export interface PermissionCache {
  get(accountId: string, check: string): Promise<boolean | undefined>;
  put(accountId: string, check: string, allowed: boolean): Promise<void>;
}

const key = (accountId: string, check: string) => `caller:${check}:${accountId}`;

export function kvsPermissionCache(): PermissionCache {
  return {
    async get(accountId, check) {
      const cached = await kvs.get<{ allowed: boolean }>(key(accountId, check));
      return cached?.allowed;
    },
    async put(accountId, check, allowed) {
      const ttl = { value: allowed ? GRANT_TTL_SECONDS : REFUSAL_TTL_SECONDS, unit: 'SECONDS' as const };
      await kvs.set(key(accountId, check), { allowed }, { ttl });
    }
  };
}
