import { newAgent } from '../../domain';
import type { RoutingWrite, StoredAgent } from '../../app/ports/routing-store';
import { agentItem, ENTITY, rosterKey, type AgentItem, type RosterItem } from './routing-entities';
import { batchGet } from './batch-get';

/** A roster item as a write leaves it: `expected` is the version it was merged into (null: new). */
export interface MergedRoster {
  readonly key: string;
  readonly item: RosterItem;
  readonly expected: number | null;
}

/**
 * The agents' roster items as this invocation last read them. Decisions read them fresh
 * (`agents`); a commit merges into what was read and is conditional on that item's version, so a
 * remembered item can only cost a retry, never a lost update.
 */
export class AgentRoster {
  private readonly seen = new Map<string, RosterItem | null>();

  /** The entries of these agents, read fresh (one read per roster item). */
  async agents(accountIds: readonly string[]): Promise<StoredAgent[]> {
    const items = await this.items(accountIds.map(rosterKey), true);
    return accountIds.map((accountId) => storedAgent(accountId, items.get(rosterKey(accountId))?.agents[accountId]));
  }

  /** The roster items holding these keys; remembered ones unless `fresh`. */
  async items(keys: readonly string[], fresh = false): Promise<Map<string, RosterItem | null>> {
    const unique = [...new Set(keys)];
    const missing = fresh ? unique : unique.filter((key) => !this.seen.has(key));
    if (missing.length > 0) {
      const found = await batchGet(missing.map((key) => ({ key, entityName: ENTITY.roster })));
      for (const key of missing) this.seen.set(key, (found.get(`${ENTITY.roster}/${key}`) as RosterItem | undefined) ?? null);
    }
    return new Map(unique.map((key) => [key, this.seen.get(key) ?? null]));
  }

  /** After a commit: the items as written. */
  remember(merged: readonly MergedRoster[]): void {
    for (const { key, item } of merged) this.seen.set(key, item);
  }
}

/** The roster items a write touches. */
export function rosterKeysOf(write: Pick<RoutingWrite, 'agents' | 'presence'>): string[] {
  return [...new Set([...write.agents.map((a) => rosterKey(a.agent.accountId)), ...write.presence.map((p) => rosterKey(p.accountId))])];
}

/**
 * The write's agents and heartbeats merged into the roster items, or 'conflict' when an entry it
 * changes is no longer at the version its decision read (what a per-agent condition did before).
 */
export function mergeRoster(
  write: Pick<RoutingWrite, 'agents' | 'presence'>,
  items: ReadonlyMap<string, RosterItem | null>
): MergedRoster[] | 'conflict' {
  const merged = new Map<string, MergedRoster>();
  const entriesOf = (key: string): Record<string, AgentItem> => {
    const known = merged.get(key);
    if (known) return known.item.agents;
    const current = items.get(key) ?? null;
    const agents = { ...(current?.agents ?? {}) };
    merged.set(key, { key, item: { version: (current?.version ?? 0) + 1, agents }, expected: current?.version ?? null });
    return agents;
  };
  for (const { agent, statusReason, expectedVersion } of write.agents) {
    const entries = entriesOf(rosterKey(agent.accountId));
    const entry = entries[agent.accountId];
    if (routingVersion(entry) !== expectedVersion) return 'conflict';
    entries[agent.accountId] = agentItem(agent, statusReason, (expectedVersion ?? 0) + 1, entry?.lastHeartbeatAt);
  }
  for (const { accountId, lastHeartbeatAt } of write.presence) {
    const entries = entriesOf(rosterKey(accountId));
    const entry = entries[accountId] ?? agentItem(newAgent(accountId), null, 0);
    entries[accountId] = { ...entry, lastHeartbeatAt: Math.max(lastHeartbeatAt, entry.lastHeartbeatAt ?? 0) };
  }
  return [...merged.values()];
}

/** Whether the items were written by someone else since `merged` was made from them. */
export function rosterMoved(merged: readonly MergedRoster[], now: ReadonlyMap<string, RosterItem | null>): boolean {
  return merged.some(({ key, expected }) => (now.get(key)?.version ?? null) !== expected);
}

/** An entry's routing version: null while there is no routing record (none, or a heartbeat only). */
function routingVersion(entry: AgentItem | undefined): number | null {
  return entry && entry.version > 0 ? entry.version : null;
}

function storedAgent(accountId: string, entry: AgentItem | undefined): StoredAgent {
  const agent = { ...newAgent(accountId), ...entry?.record, lastHeartbeatAt: entry?.lastHeartbeatAt ?? null };
  return { agent, statusReason: entry?.statusReason ?? null, version: routingVersion(entry) };
}
