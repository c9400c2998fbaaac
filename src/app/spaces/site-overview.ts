import { isReachable } from '../../domain';
import type { JiraClient } from '../ports/jira';
import type { RoutingStore } from '../ports/routing-store';
import type { SpaceStore } from '../ports/space-store';

export interface SpaceOverview {
  readonly projectKey: string;
  readonly name: string;
  readonly enabled: boolean;
  readonly setUp: boolean;
  /** The space's agents (as last read from Jira, R3) who are Available with a fresh heartbeat now (R1, R2). */
  readonly availableAgents: number;
  /** Customers waiting for an agent: in the queue (R11) or offered to an agent who has not answered yet (R6). */
  readonly waiting: number;
  /** Chats an agent accepted that have not ended (R7). */
  readonly active: number;
}

export interface SiteOverviewDeps {
  readonly jira: Pick<JiraClient, 'serviceDesks'>;
  readonly spaceStore: Pick<SpaceStore, 'many'>;
  readonly routing: Pick<RoutingStore, 'agents' | 'countsOfSpace'>;
  readonly clock: { now(): number };
}

/** Each count reads at most this many conversations (10 index pages); a busier space shows this number. */
export const OVERVIEW_COUNT_CAP = 1_000;

/**
 * `site.overview` (the Jira admin page): every service space of the site with its live chat
 * state, agents available now, and chats waiting and active. Costs one Jira request per 100
 * spaces, then storage reads only: the spaces' records and agents caches (batched), the
 * agents' routing and presence records (batched, each agent once), and per space the app has a
 * record of, its queue and running indexes (a read per 100 chats, at most OVERVIEW_COUNT_CAP).
 * Nothing is written, and the agents caches are not refreshed from Jira here.
 */
export async function siteOverview(deps: SiteOverviewDeps): Promise<{ spaces: SpaceOverview[] }> {
  const desks = await deps.jira.serviceDesks();
  const records = await deps.spaceStore.many(desks.map((desk) => desk.projectKey));
  const agentIds = [...new Set([...records.values()].flatMap((record) => (record.space ? (record.agents?.agentIds ?? []) : [])))];
  const now = deps.clock.now();
  const reachable = new Set(
    (await deps.routing.agents(agentIds)).filter((stored) => isReachable(stored.agent, now)).map((stored) => stored.agent.accountId)
  );
  const overview = async (desk: (typeof desks)[number]): Promise<SpaceOverview> => {
    const { space, agents } = records.get(desk.projectKey) ?? { space: null, agents: null };
    // A space the app has no record of existed before the install and never had a chat (live chat off there).
    if (!space)
      return {
        projectKey: desk.projectKey,
        name: desk.projectName,
        enabled: false,
        setUp: false,
        availableAgents: 0,
        waiting: 0,
        active: 0
      };
    const counts = await deps.routing.countsOfSpace(desk.projectKey, OVERVIEW_COUNT_CAP);
    return {
      projectKey: desk.projectKey,
      name: desk.projectName,
      enabled: space.settings.enabled,
      setUp: space.settings.setUp,
      availableAgents: (agents?.agentIds ?? []).filter((id) => reachable.has(id)).length,
      waiting: Math.min(OVERVIEW_COUNT_CAP, counts.waiting + counts.offered),
      active: counts.active
    };
  };
  const spaces: SpaceOverview[] = [];
  // A few spaces at a time: a large site must not burst storage's request rate.
  for (let i = 0; i < desks.length; i += SPACES_AT_ONCE)
    spaces.push(...(await Promise.all(desks.slice(i, i + SPACES_AT_ONCE).map(overview))));
  return { spaces: spaces.sort((a, b) => a.projectKey.localeCompare(b.projectKey)) };
}

const SPACES_AT_ONCE = 10;
