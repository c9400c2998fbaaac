import { HEARTBEAT_STALE_MS, load } from '../agent';
import type { Conversation } from '../conversation';
import type { Effect, Timer } from '../effects';
import { pendingTimers } from '../lifecycle/timers';
import { decide, type SiteEvent } from '../site-reducer';
import type { SiteState } from '../state';

/**
 * A small test world for property tests: the site, a virtual clock, a scheduler
 * that fires what `pendingTimers` says is due (as the shell does), and a ledger
 * kept from effects only. Every decision goes through `step`, which checks the
 * invariants on what it returned.
 */
export interface Simulation {
  state: SiteState;
  now: number;
  fired: Timer[];
  ledger: Record<string, Track>;
  /** conversationId → agent holding its one outstanding offer, per the effects. */
  outstanding: Record<string, string>;
  offersMade: Record<string, number>;
  /** Time to assign and Time to reply per space, as the harness configured them. */
  timings: Record<string, { assignMs: number; replyMs: number }>;
}

/** What the harness saw happen to one request. */
export interface Track {
  readonly requestedAt: number;
  /** When Time to assign last started: the request, or a transfer back to the queue. */
  assignFrom: number;
  acceptedAt: number | null;
  replied: boolean;
  assigns: number;
  /** Transfers that changed hands (each allows one more assign: the new agent's). */
  handovers: number;
  endings: number;
}

export function simulation(state: SiteState, now: number): Simulation {
  const timings = Object.fromEntries(
    Object.values(state.spaces).map((s) => [
      s.projectKey,
      { assignMs: s.settings.timeToAssignMinutes * 60_000, replyMs: s.settings.timeToReplyMinutes * 60_000 }
    ])
  );
  return { state, now, fired: [], ledger: {}, outstanding: {}, offersMade: {}, timings };
}

/** Decides one event at the current time; a refusal changes nothing. Returns the effects. */
export function step(sim: Simulation, event: SiteEvent): readonly Effect[] {
  const before = sim.state;
  const decided = decide(before, event, sim.now);
  if (!decided.ok) return [];
  const after = decided.value.state;
  if (event.type === 'request' && !before.conversations[event.conversationId]) {
    sim.ledger[event.conversationId] = {
      requestedAt: sim.now,
      assignFrom: sim.now,
      acceptedAt: null,
      replied: false,
      assigns: 0,
      handovers: 0,
      endings: 0
    };
  }
  for (const effect of decided.value.effects) if (effect.type === 'handedOver') handedOver(sim, effect);
  for (const effect of decided.value.effects) record(sim, effect, after);
  if (event.type === 'message' && event.sender.role === 'agent') {
    const track = sim.ledger[event.conversationId];
    if (track && after.conversations[event.conversationId]?.assignee === event.sender.agentId) track.replied = true;
  }
  checkStep(sim, before, after, decided.value.effects);
  sim.state = after;
  return decided.value.effects;
}

/**
 * Moves the clock to `to`, firing every pending timer that falls due, in time order at its own
 * time: the conversations' records are the one source of timers, as in the shell
 * (src/app/decision/run-effects.ts). A due pending timer must decide something, or the shell
 * would deliver it again and again.
 */
export function advance(sim: Simulation, to: number): void {
  for (let timer = earliestDue(sim.state, to); timer; timer = earliestDue(sim.state, to)) {
    const before = sim.state.conversations[timer.conversationId];
    sim.now = Math.max(sim.now, timer.at);
    sim.fired.push(timer);
    step(sim, { type: 'timer', timer });
    if (sim.state.conversations[timer.conversationId] === before) throw new Error(`pending timer ${JSON.stringify(timer)} decided nothing`);
  }
  sim.now = Math.max(sim.now, to);
}

function earliestDue(state: SiteState, to: number): Timer | undefined {
  let earliest: Timer | undefined;
  for (const conversation of Object.values(state.conversations)) {
    if (conversation.outcome) continue;
    for (const timer of pendingTimers(conversation)) if (timer.at <= to && (!earliest || timer.at < earliest.at)) earliest = timer;
  }
  return earliest;
}

/** Transfer: the chat changed hands, or went back to the queue (Time to assign runs again). */
function handedOver(sim: Simulation, effect: Extract<Effect, { type: 'handedOver' }>): void {
  const track = sim.ledger[effect.conversationId];
  if (!track) throw new Error(`handed over an unknown ${effect.conversationId}`);
  track.handovers++;
  if (effect.to === null) {
    track.assignFrom = sim.now;
    track.acceptedAt = null;
  }
}

function record(sim: Simulation, effect: Effect, after: SiteState): void {
  const fail = (why: string) => {
    throw new Error(`${why}: ${JSON.stringify(effect)} at ${sim.now}`);
  };
  switch (effect.type) {
    case 'offer': {
      if (sim.outstanding[effect.conversationId]) fail('a second pending offer for one conversation');
      sim.outstanding[effect.conversationId] = effect.agentId;
      sim.offersMade[effect.agentId] = (sim.offersMade[effect.agentId] ?? 0) + 1;
      const agent = after.agents[effect.agentId];
      const heartbeat = agent?.lastHeartbeatAt ?? null;
      if (agent?.status !== 'available') fail('offer to an agent who is not Available');
      if (heartbeat === null || sim.now - heartbeat >= HEARTBEAT_STALE_MS) fail('offer to an agent with a stale heartbeat');
      const conversation = after.conversations[effect.conversationId];
      if (!conversation || !after.spaces[conversation.projectKey]?.agentIds.includes(effect.agentId))
        fail('offer to an agent of another space');
      return;
    }
    case 'withdrawOffer':
      if (sim.outstanding[effect.conversationId] !== effect.agentId) fail('withdrawing an offer that is not outstanding');
      delete sim.outstanding[effect.conversationId];
      return;
    case 'assign': {
      const track = sim.ledger[effect.conversationId];
      if (sim.outstanding[effect.conversationId] !== effect.agentId) fail('assigning without an outstanding offer');
      delete sim.outstanding[effect.conversationId];
      if (!track || ++track.assigns > 1 + track.handovers) fail('a second assignee');
      if (track) track.acceptedAt = sim.now;
      return;
    }
    case 'ended': {
      const track = sim.ledger[effect.conversationId];
      if (!track || ++track.endings > 1) fail('a second outcome');
      if (sim.outstanding[effect.conversationId]) fail('ended with an offer outstanding');
      return;
    }
    default:
      return;
  }
}

function checkStep(sim: Simulation, before: SiteState, after: SiteState, effects: readonly Effect[]): void {
  const fail = (why: string) => {
    throw new Error(`${why} at ${sim.now} after ${JSON.stringify(effects)}`);
  };
  const offered = new Set(effects.flatMap((e) => (e.type === 'offer' ? [e.agentId] : [])));
  const offeredTo = new Map<string, string[]>();
  const heldBy = new Map<string, string[]>();
  for (const agent of Object.values(after.agents)) {
    const previous = before.agents[agent.accountId];
    // R5: an offer never takes an agent past the maximum in force when it is made; nothing else adds load.
    if (offered.has(agent.accountId) && load(agent) > after.settings.maxConversations) fail(`${agent.accountId} offered past the maximum`);
    if (!offered.has(agent.accountId) && load(agent) > (previous ? load(previous) : 0))
      fail(`${agent.accountId}'s load grew without an offer`);
    for (const id of agent.offers) offeredTo.set(id, (offeredTo.get(id) ?? []).concat(agent.accountId));
    for (const id of agent.active) heldBy.set(id, (heldBy.get(id) ?? []).concat(agent.accountId));
  }
  for (const conversation of Object.values(after.conversations)) {
    const previous = before.conversations[conversation.id];
    if (previous?.outcome && previous !== conversation) fail(`ended ${conversation.id} changed`);
    if (conversation.outcome && previous === conversation && !offeredTo.has(conversation.id) && !heldBy.has(conversation.id)) continue;
    checkHolders(conversation, offeredTo.get(conversation.id) ?? [], heldBy.get(conversation.id) ?? [], fail);
    checkDeadlines(sim, conversation, fail);
  }
}

/** R6: at most one pending offer and at most one assignee, agreeing with the agents' records. */
function checkHolders(
  conversation: Conversation,
  offeredTo: readonly string[],
  heldBy: readonly string[],
  fail: (why: string) => void
): void {
  const { id, status, offer, assignee } = conversation;
  // A running chat may have one pending offer too: a transfer (its assignee keeps it until the accept).
  if (status === 'offered' ? offer === null : offer !== null && status !== 'active') fail(`${id} offer/status mismatch`);
  const offerOk = offer !== null ? offeredTo.length === 1 && offeredTo[0] === offer.agentId : offeredTo.length === 0;
  if (!offerOk) fail(`${id} (${status}) offered to ${offeredTo.join()}`);
  const holderOk = status === 'active' ? heldBy.length === 1 && heldBy[0] === assignee : heldBy.length === 0;
  if (!holderOk) fail(`${id} (${status}) held by ${heldBy.join()}`);
}

/** R12, R13: given timers fire on time, no request outlives its deadline (timers due at the same instant fire one by one). */
function checkDeadlines(sim: Simulation, conversation: Conversation, fail: (why: string) => void): void {
  const track = sim.ledger[conversation.id];
  const timing = sim.timings[conversation.projectKey];
  if (!track || !timing || conversation.outcome) return;
  if (track.acceptedAt === null && sim.now > track.assignFrom + timing.assignMs) fail(`${conversation.id} outlived Time to assign`);
  if (track.acceptedAt !== null && !track.replied && sim.now > track.acceptedAt + 2 * timing.replyMs) {
    fail(`${conversation.id} outlived twice Time to reply`);
  }
}

/** R14, at the end of a run long after the last event: every request has its one outcome, unless an agent is chatting. */
export function checkSettled(sim: Simulation): void {
  for (const [id, track] of Object.entries(sim.ledger)) {
    const conversation = sim.state.conversations[id];
    const chatting = conversation?.status === 'active' && track.replied;
    if (!chatting && (track.endings !== 1 || !conversation?.outcome)) throw new Error(`${id} has no single outcome`);
  }
}
