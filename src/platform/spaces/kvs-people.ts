import { kvs } from '@forge/kvs';
import type { People } from '../../app/ports/people';
import type { JiraClient } from '../../app/ports/jira';

/**
 * Display names (R23: the customer sees the agent's name; transcripts name the speakers), kept
 * a day in storage: an agent accepts many chats, and a KVS read costs far less than a Jira
 * request, which every installation is rate-limited on. A renamed user shows the new name
 * within a day. Null when unknown or Jira cannot say now (callers carry on without a name).
 * Forge may return an expired item until it deletes it (up to 48 hours late): the name carries
 * its own end, past which it is read from Jira again.
 */
export const NAME_TTL = { value: 1, unit: 'DAYS' } as const;
const NAME_TTL_MS = 86_400_000;

const key = (accountId: string) => `person:${accountId}`;

export function kvsPeople(jira: Pick<JiraClient, 'displayName'>, now: () => number = () => Date.now()): People {
  return {
    async displayName(accountId) {
      const cached = await kvs.get<{ name: string; until?: number }>(key(accountId)).catch(() => undefined);
      if (cached && (cached.until === undefined || cached.until > now())) return cached.name;
      const name = await jira.displayName(accountId).catch(() => null);
      if (name !== null) await kvs.set(key(accountId), { name, until: now() + NAME_TTL_MS }, { ttl: NAME_TTL }).catch(() => undefined);
      return name;
    }
  };
}
