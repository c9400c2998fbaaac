import { newAgent, recordAcceptTime } from '../../domain';
import type { RoutingWrite, StoredAgent } from '../../app/ports/routing-store';
import { acceptTimesKey, agentItem, ENTITY, rosterKey, type AgentItem, type RosterItem } from './routing-entities';
import { mergedFrom, RememberedItems, type MergedItem } from './remembered-items';

/** The agents' roster items, remembered for the invocation (remembered-items.ts). */
export class AgentRoster extends RememberedItems<RosterItem> {
  constructor() {
    super(ENTITY.roster);
  }

  /** The entries of these agents (one read per roster item not remembered). */
  async agents(accountIds: readonly string[]): Promise<StoredAgent[]> {
    const items = await this.items(accountIds.map(rosterKey));
    return accountIds.map((accountId) => storedAgent(accountId, items.get(rosterKey(accountId))?.agents[accountId]));
  }

  /** W1: the space's recent times to accept (one read of the roster item that keeps them, unless remembered). */
  async acceptTimes(projectKey: string): Promise<readonly number[]> {
    const key = acceptTimesKey(projectKey);
    return (await this.items([key])).get(key)?.acceptTimes?.[projectKey] ?? [];
  }
}

/** The roster items a write touches. */
export function rosterKeysOf(write: Pick<RoutingWrite, 'agents' | 'presence' | 'acceptTimes'>): string[] {
  return [
    ...new Set([
      ...write.agents.map((a) => rosterKey(a.agent.accountId)),
      ...write.presence.map((p) => rosterKey(p.accountId)),
      ...(write.acceptTimes ?? []).map((t) => acceptTimesKey(t.projectKey))
    ])
  ];
}

/**
 * The write's agents and heartbeats merged into the roster items, or 'conflict' when an entry it
 * changes is no longer at the version its decision read (what a per-agent condition did before).
 */
export function mergeRoster(
  write: Pick<RoutingWrite, 'agents' | 'presence' | 'acceptTimes'>,
  items: ReadonlyMap<string, RosterItem | null>
): MergedItem<RosterItem>[] | 'conflict' {
  const merged = new Map<string, MergedItem<RosterItem>>();
  const itemOf = (key: string): RosterItem => {
    const known = merged.get(key);
    if (known) return known.item;
    const current = items.get(key) ?? null;
    const next = mergedFrom(key, current, { ...current, version: 0, agents: { ...(current?.agents ?? {}) } });
    merged.set(key, next);
    return next.item;
  };
  const entriesOf = (key: string): Record<string, AgentItem> => itemOf(key).agents;
  for (const { projectKey, timeToAcceptMs } of write.acceptTimes ?? []) {
    const item = itemOf(acceptTimesKey(projectKey));
    item.acceptTimes = { ...item.acceptTimes, [projectKey]: recordAcceptTime(item.acceptTimes?.[projectKey] ?? [], timeToAcceptMs) };
  }
  for (const { agent, statusReason, expectedVersion } of write.agents) {
    const entries = entriesOf(rosterKey(agent.accountId));
    const entry = entries[agent.accountId];
    if (routingVersion(entry) !== expectedVersion) return 'conflict';
    const proved = entry?.agentProvedAt === undefined ? {} : { agentProvedAt: entry.agentProvedAt };
    entries[agent.accountId] = { ...agentItem(agent, statusReason, (expectedVersion ?? 0) + 1, entry?.lastHeartbeatAt), ...proved };
  }
  for (const { accountId, lastHeartbeatAt, agentProvedAt } of write.presence) {
    const entries = entriesOf(rosterKey(accountId));
    const entry = entries[accountId] ?? agentItem(newAgent(accountId), null, 0);
    const proved = Math.max(agentProvedAt ?? 0, entry.agentProvedAt ?? 0);
    entries[accountId] = {
      ...entry,
      lastHeartbeatAt: Math.max(lastHeartbeatAt, entry.lastHeartbeatAt ?? 0),
      ...(proved > 0 ? { agentProvedAt: proved } : {})
    };
  }
  return [...merged.values()];
}

/** An entry's routing version: null while there is no routing record (none, or a heartbeat only). */
function routingVersion(entry: AgentItem | undefined): number | null {
  return entry && entry.version > 0 ? entry.version : null;
}

function storedAgent(accountId: string, entry: AgentItem | undefined): StoredAgent {
  const agent = { ...newAgent(accountId), ...entry?.record, lastHeartbeatAt: entry?.lastHeartbeatAt ?? null };
  const proved = entry?.agentProvedAt === undefined ? {} : { agentProvedAt: entry.agentProvedAt };
  return { agent, statusReason: entry?.statusReason ?? null, version: routingVersion(entry), ...proved };
}
