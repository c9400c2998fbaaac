import { newAgent, type Agent } from './agent';
import type { Conversation } from './conversation';
import type { Effect } from './effects';
import type { Result } from './result';
import type { SiteSettings } from './settings';
import type { SpaceConfig } from './space';

/**
 * The records a decision reads, keyed by id. The whole site is one; a use case
 * may pass only the records a decision needs (each function says which): an
 * absent agent is a new Offline one, an absent conversation does not exist.
 */
export interface SiteState {
  readonly settings: SiteSettings;
  readonly spaces: Readonly<Record<string, SpaceConfig>>;
  readonly agents: Readonly<Record<string, Agent>>;
  readonly conversations: Readonly<Record<string, Conversation>>;
}

/** What a decision changed: whole records to write (in one transaction) and the effects to run after. */
export interface Change {
  readonly settings?: SiteSettings;
  readonly agents: Readonly<Record<string, Agent>>;
  readonly conversations: Readonly<Record<string, Conversation>>;
  readonly effects: readonly Effect[];
}

export const noChange: Change = { agents: {}, conversations: {}, effects: [] };

export function change(parts: {
  settings?: SiteSettings;
  agents?: readonly Agent[];
  conversations?: readonly Conversation[];
  effects?: readonly Effect[];
}): Change {
  return {
    ...(parts.settings ? { settings: parts.settings } : {}),
    agents: Object.fromEntries((parts.agents ?? []).map((agent) => [agent.accountId, agent])),
    conversations: Object.fromEntries((parts.conversations ?? []).map((c) => [c.id, c])),
    effects: parts.effects ?? []
  };
}

/** `next` was decided on top of `first`: its records win, its effects come after. */
export function combine(first: Change, next: Change): Change {
  const settings = next.settings ?? first.settings;
  return {
    ...(settings ? { settings } : {}),
    agents: { ...first.agents, ...next.agents },
    conversations: { ...first.conversations, ...next.conversations },
    effects: [...first.effects, ...next.effects]
  };
}

export function applyChange(state: SiteState, change: Change): SiteState {
  return {
    settings: change.settings ?? state.settings,
    spaces: state.spaces,
    agents: { ...state.agents, ...change.agents },
    conversations: { ...state.conversations, ...change.conversations }
  };
}

/** Decides `next` on the state `first` leaves, and returns both changes as one. */
export function andThen(state: SiteState, first: Change, next: (after: SiteState) => Result<Change>): Result<Change> {
  const decided = next(applyChange(state, first));
  return decided.ok ? { ok: true, value: combine(first, decided.value) } : decided;
}

/** An agent's record, or a new Offline one for an agent storage has not seen. */
export function agentOf(state: SiteState, accountId: string): Agent {
  return state.agents[accountId] ?? newAgent(accountId);
}
