import type { Agent, AgentStatus } from '../agent';
import type { Conversation } from '../conversation';
import type { Effect, EffectType, Timer } from '../effects';
import { pendingTimers } from '../lifecycle/timers';
import type { DomainError } from '../result';
import { defaultSpaceSettings, type SpaceSettings } from '../settings';
import { decide, type Decision, type SiteEvent } from '../site-reducer';
import type { SpaceConfig } from '../space';
import type { SiteState } from '../state';

/** Spec helpers: build a site, play events on it, read effects. No mocks, no real clock. */

export const SECOND = 1_000;
export const MINUTE = 60 * SECOND;
export const T0 = Date.UTC(2025, 0, 6, 9, 0, 0);

/** An Available agent whose inbox sent a heartbeat at T0. */
export function agent(accountId: string, overrides: Partial<Agent> = {}): Agent {
  return { accountId, status: 'available', lastHeartbeatAt: T0, lastOfferedAt: null, offers: [], active: [], ...overrides };
}

/** A space with live chat on and set up, default timings. */
export function space(projectKey: string, agentIds: readonly string[], settings: Partial<SpaceSettings> = {}, teamSize = 0): SpaceConfig {
  return {
    projectKey,
    agentIds,
    teamSize,
    settings: { ...defaultSpaceSettings({ existedBeforeInstall: false }), setUp: true, requestTypeId: 'chat', ...settings }
  };
}

export function site(parts: {
  spaces: readonly SpaceConfig[];
  agents?: readonly Agent[];
  conversations?: readonly Conversation[];
  maxConversations?: number;
}): SiteState {
  return {
    settings: { maxConversations: parts.maxConversations ?? 3 },
    spaces: Object.fromEntries(parts.spaces.map((s) => [s.projectKey, s])),
    agents: Object.fromEntries((parts.agents ?? []).map((a) => [a.accountId, a])),
    conversations: Object.fromEntries((parts.conversations ?? []).map((c) => [c.id, c]))
  };
}

export const request = (conversationId: string, projectKey = 'HELP'): SiteEvent => ({ type: 'request', conversationId, projectKey });
export const accept = (conversationId: string, agentId: string): SiteEvent => ({ type: 'accept', conversationId, agentId });
export const decline = (conversationId: string, agentId: string): SiteEvent => ({ type: 'decline', conversationId, agentId });
export const resolve = (conversationId: string, agentId: string): SiteEvent => ({ type: 'resolve', conversationId, agentId });
export const customerEnd = (conversationId: string): SiteEvent => ({ type: 'customerEnd', conversationId });
export const setStatus = (agentId: string, status: AgentStatus): SiteEvent => ({ type: 'setStatus', agentId, status });
export const heartbeat = (agentId: string): SiteEvent => ({ type: 'heartbeat', agentId });
export const fire = (timer: Timer): SiteEvent => ({ type: 'timer', timer });
export const agentSays = (conversationId: string, agentId: string): SiteEvent => ({
  type: 'message',
  conversationId,
  sender: { role: 'agent', agentId }
});
export const customerSays = (conversationId: string): SiteEvent => ({ type: 'message', conversationId, sender: { role: 'customer' } });

/** The decision for an event that must be accepted. */
export function when(state: SiteState, event: SiteEvent, at = T0): Decision {
  const decided = decide(state, event, at);
  if (!decided.ok) throw new Error(`${event.type} was refused: ${decided.error.code} ${decided.error.message}`);
  return decided.value;
}

/** The refusal of an event that must be refused. */
export function refused(state: SiteState, event: SiteEvent, at = T0): DomainError {
  const decided = decide(state, event, at);
  if (decided.ok) throw new Error(`${event.type} was accepted`);
  return decided.error;
}

/** Plays `[event, at]` steps in order; returns the final state and the last step's effects. */
export function play(state: SiteState, steps: readonly (readonly [SiteEvent, number])[]): Decision {
  return steps.reduce<Decision>((current, [event, at]) => when(current.state, event, at), { state, effects: [] });
}

export function ofType<K extends EffectType>(effects: readonly Effect[], type: K): Extract<Effect, { type: K }>[] {
  return effects.filter((effect): effect is Extract<Effect, { type: K }> => effect.type === type);
}

/** Who got an offer, as `conversationId→agentId`. */
export function offers(effects: readonly Effect[]): string[] {
  return ofType(effects, 'offer').map((o) => `${o.conversationId}→${o.agentId}`);
}

/** The conversation's pending timer of a given kind (what the shell delivers, pendingTimers). */
export function pendingTimer(state: SiteState, kind: Timer['kind'], conversationId: string): Timer {
  const conversation = state.conversations[conversationId];
  const timer = conversation ? pendingTimers(conversation).find((t) => t.kind === kind) : undefined;
  if (!timer) throw new Error(`no ${kind} timer pending for ${conversationId}`);
  return timer;
}
