import { kvs, type BatchResult } from '@forge/kvs';
import { versionIs } from '../kvs-version-condition';
import type { SaveOutcome, SpaceAgents, SpaceStore, StoredSpace } from '../../app/ports/space-store';
import { isConditionFailed } from './kvs-errors';

/**
 * Spaces in KVS:
 * - entity `space` (key: project key): the settings record, written only with a condition on
 *   its `version` (settings saves, setup, deactivate, the space-created trigger);
 * - key `space-agents:KEY`: the agents cache (R3), rewritten whole by a refresh (last one wins,
 *   both read Jira fresh);
 * - entity `space-agent` (key `KEY:accountId`, index `by-agent`): which spaces an agent
 *   works in, written only for the accounts that joined or left at a refresh;
 * - key `portal-space:ID`: the space of a portal (service desk id → project key), written with
 *   the settings record once it knows its service desk, so the portal widget finds its space
 *   with one read (R22).
 */
const SPACE = 'space';
const SPACE_AGENT = 'space-agent';
const BATCH = 25;

interface SpaceEntity {
  version: number;
  record: Omit<StoredSpace, 'version'>;
}

interface PortalSpace {
  projectKey: string;
}

interface SpaceAgentEntity {
  accountId: string;
  projectKey: string;
}

const agentsKey = (projectKey: string) => `space-agents:${projectKey}`;
const portalKey = (serviceDeskId: string) => `portal-space:${serviceDeskId}`;
const membershipKey = (projectKey: string, accountId: string) => `${projectKey}:${accountId}`;

export function kvsSpaceStore(): SpaceStore {
  return {
    async get(projectKey) {
      const stored = await kvs.entity<SpaceEntity>(SPACE).get(projectKey);
      return stored ? { ...stored.record, version: stored.version } : null;
    },

    async save(space): Promise<SaveOutcome> {
      const { version, ...record } = space;
      // Version 0: a space never saved.
      const condition = versionIs<SpaceEntity>(version === 0 ? null : version);
      try {
        const tx = kvs
          .transact()
          .set<SpaceEntity>(space.projectKey, { version: version + 1, record }, { entityName: SPACE, conditions: condition });
        if (space.serviceDeskId) tx.set<PortalSpace>(portalKey(space.serviceDeskId), { projectKey: space.projectKey });
        await tx.execute();
        return 'saved';
      } catch (error) {
        if (isConditionFailed(error)) return 'conflict';
        throw error;
      }
    },

    async agents(projectKey) {
      return (await kvs.get<SpaceAgents>(agentsKey(projectKey))) ?? null;
    },

    async many(projectKeys) {
      const items = projectKeys.flatMap((projectKey) => [{ key: projectKey, entityName: SPACE }, { key: agentsKey(projectKey) }]);
      const found = new Map<string, unknown>();
      for (let i = 0; i < items.length; i += BATCH) {
        const answer = await kvs.batchGet<unknown>(items.slice(i, i + BATCH));
        const failed = answer.failedKeys.find((f) => f.error.code !== 'KEY_NOT_FOUND');
        if (failed) throw new Error(`KVS could not read ${failed.key}: ${failed.error.code} ${failed.error.message}`);
        for (const item of answer.successfulKeys) found.set(`${item.entityName ?? ''}/${item.key}`, item.value);
      }
      return new Map(
        projectKeys.map((projectKey) => {
          const entity = found.get(`${SPACE}/${projectKey}`) as SpaceEntity | undefined;
          const agents = (found.get(`/${agentsKey(projectKey)}`) as SpaceAgents | undefined) ?? null;
          return [projectKey, { space: entity ? { ...entity.record, version: entity.version } : null, agents }];
        })
      );
    },

    async saveAgents(projectKey, previous, next) {
      const before = new Set(previous?.agentIds ?? []);
      const after = new Set(next.agentIds);
      const joined = [...after].filter((id) => !before.has(id));
      const left = [...before].filter((id) => !after.has(id));
      // The index first: if the cache write fails, the next refresh diffs against the old cache and repairs it.
      for (let i = 0; i < joined.length; i += BATCH) {
        const items = joined
          .slice(i, i + BATCH)
          .map((accountId) => ({ entityName: SPACE_AGENT, key: membershipKey(projectKey, accountId), value: { accountId, projectKey } }));
        failedIfAny(await kvs.batchSet<SpaceAgentEntity>(items));
      }
      for (let i = 0; i < left.length; i += BATCH) {
        failedIfAny(
          await kvs.batchDelete(
            left.slice(i, i + BATCH).map((accountId) => ({ entityName: SPACE_AGENT, key: membershipKey(projectKey, accountId) }))
          )
        );
      }
      await kvs.set(agentsKey(projectKey), next);
    },

    async spaceOfPortal(serviceDeskId) {
      return (await kvs.get<PortalSpace>(portalKey(serviceDeskId)))?.projectKey ?? null;
    },

    async rememberPortal(serviceDeskId, projectKey) {
      await kvs.set<PortalSpace>(portalKey(serviceDeskId), { projectKey });
    },

    async spacesOfAgent(accountId) {
      const keys: string[] = [];
      let cursor: string | undefined;
      do {
        let query = kvs
          .entity<SpaceAgentEntity>(SPACE_AGENT)
          .query()
          .index('by-agent', { partition: [accountId] })
          .limit(100);
        if (cursor) query = query.cursor(cursor);
        const page = await query.getMany();
        keys.push(...page.results.map((r) => r.value.projectKey));
        cursor = page.nextCursor;
      } while (cursor);
      return keys;
    }
  };
}

/** Batches report per-key failures instead of throwing: a refresh must not half-succeed silently. */
function failedIfAny(result: BatchResult): void {
  if (result.failedKeys.length > 0)
    throw new Error(`KVS batch failed for ${result.failedKeys.length} key(s): ${result.failedKeys[0].error.message}`);
}
