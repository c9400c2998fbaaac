import { kvs } from '@forge/kvs';
import type { People } from '../../app/ports/people';
import type { JiraClient } from '../jira';

/**
 * Display names (R23: the customer sees the agent's name; transcripts name the speakers), kept
 * a day in storage: an agent accepts many chats, and a KVS read costs far less than a Jira
 * request, which every installation is rate-limited on. A renamed user shows the new name
 * within a day. Null when unknown or Jira cannot say now (callers carry on without a name).
 */
export const NAME_TTL = { value: 1, unit: 'DAYS' } as const;

const key = (accountId: string) => `person:${accountId}`;

export function kvsPeople(jira: Pick<JiraClient, 'displayName'>): People {
  return {
    async displayName(accountId) {
      const cached = await kvs.get<{ name: string }>(key(accountId)).catch(() => undefined);
      if (cached) return cached.name;
      const name = await jira.displayName(accountId).catch(() => null);
      if (name !== null) await kvs.set(key(accountId), { name }, { ttl: NAME_TTL }).catch(() => undefined);
      return name;
    }
  };
}
