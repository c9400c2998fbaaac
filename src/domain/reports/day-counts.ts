import type { Conversation, Outcome } from '../conversation';
import { addSample, EMPTY_HISTOGRAM, type LatencyHistogram } from './latency-histogram';

/**
 * RP1 (README, "Operations beyond PRODUCT.md"): what the reports count, per space and UTC day of
 * the request, kept as one record updated by each event that produces a figure (never by
 * reading the chats at report time).
 */

export type StarCounts = readonly [number, number, number, number, number];

export const NO_STARS: StarCounts = [0, 0, 0, 0, 0];

/** One agent's part of a day. */
export interface AgentDayCounts {
  readonly accepted: number;
  readonly resolved: number;
  readonly expired: number;
  /** RP3: request (or return to the queue) → this agent's accept. */
  readonly timeToAssign: LatencyHistogram;
  /** RP3: accept → this agent's first message (R17's public reply). */
  readonly timeToFirstReply: LatencyHistogram;
  /** RP4: `ratings[n - 1]` ratings of n stars of chats this agent ended with. */
  readonly ratings: StarCounts;
}

export interface DayCounts {
  /** Chats requested that day (R15: each has a work item). */
  readonly requested: number;
  readonly accepted: number;
  readonly resolved: number;
  /** RP2: R10, no agent at the request. */
  readonly missedNoAgent: number;
  /** RP2: R12, Time to assign passed. */
  readonly missedTimeToAssign: number;
  /** RP2: R13, no reply within twice Time to reply. */
  readonly expired: number;
  readonly timeToAssign: LatencyHistogram;
  readonly timeToFirstReply: LatencyHistogram;
  readonly ratings: StarCounts;
  readonly agents: Readonly<Record<string, AgentDayCounts>>;
}

export const EMPTY_DAY: DayCounts = {
  requested: 0,
  accepted: 0,
  resolved: 0,
  missedNoAgent: 0,
  missedTimeToAssign: 0,
  expired: 0,
  timeToAssign: EMPTY_HISTOGRAM,
  timeToFirstReply: EMPTY_HISTOGRAM,
  ratings: NO_STARS,
  agents: {}
};

export const EMPTY_AGENT_DAY: AgentDayCounts = {
  accepted: 0,
  resolved: 0,
  expired: 0,
  timeToAssign: EMPTY_HISTOGRAM,
  timeToFirstReply: EMPTY_HISTOGRAM,
  ratings: NO_STARS
};

/** What happened to a chat that a report counts. */
export type CountedEvent =
  | { readonly kind: 'requested' }
  | { readonly kind: 'accepted'; readonly agentId: string; readonly ms: number }
  | { readonly kind: 'firstReply'; readonly agentId: string; readonly ms: number }
  | { readonly kind: 'ended'; readonly outcome: Outcome; readonly agentId: string | null }
  | { readonly kind: 'rated'; readonly agentId: string | null; readonly stars: number };

/** RP1: a chat counts on the UTC day it was requested, every later event of it too (one cohort per day). */
export function utcDay(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

/** The last `days` UTC days up to and including today's, oldest first. */
export function lastDays(now: number, days: number): string[] {
  const today = Date.UTC(new Date(now).getUTCFullYear(), new Date(now).getUTCMonth(), new Date(now).getUTCDate());
  return Array.from({ length: days }, (_, i) => utcDay(today - (days - 1 - i) * 86_400_000));
}

export function countEvent(day: DayCounts, event: CountedEvent): DayCounts {
  switch (event.kind) {
    case 'requested':
      return { ...day, requested: day.requested + 1 };
    case 'accepted':
      return withAgent({ ...day, accepted: day.accepted + 1, timeToAssign: addSample(day.timeToAssign, event.ms) }, event.agentId, (a) => ({
        ...a,
        accepted: a.accepted + 1,
        timeToAssign: addSample(a.timeToAssign, event.ms)
      }));
    case 'firstReply':
      return withAgent({ ...day, timeToFirstReply: addSample(day.timeToFirstReply, event.ms) }, event.agentId, (a) => ({
        ...a,
        timeToFirstReply: addSample(a.timeToFirstReply, event.ms)
      }));
    case 'ended':
      return countEnd(day, event.outcome, event.agentId);
    case 'rated':
      return withAgent({ ...day, ratings: addStar(day.ratings, event.stars) }, event.agentId, (a) => ({
        ...a,
        ratings: addStar(a.ratings, event.stars)
      }));
  }
}

function countEnd(day: DayCounts, outcome: Outcome, agentId: string | null): DayCounts {
  if (outcome.kind === 'missed')
    return outcome.reason === 'noAgent'
      ? { ...day, missedNoAgent: day.missedNoAgent + 1 }
      : { ...day, missedTimeToAssign: day.missedTimeToAssign + 1 };
  if (outcome.kind === 'expired')
    return withAgent({ ...day, expired: day.expired + 1 }, agentId, (a) => ({ ...a, expired: a.expired + 1 }));
  return withAgent({ ...day, resolved: day.resolved + 1 }, agentId, (a) => ({ ...a, resolved: a.resolved + 1 }));
}

function withAgent(day: DayCounts, agentId: string | null, change: (agent: AgentDayCounts) => AgentDayCounts): DayCounts {
  if (agentId === null) return day;
  return { ...day, agents: { ...day.agents, [agentId]: change({ ...EMPTY_AGENT_DAY, ...day.agents[agentId] }) } };
}

function addStar(counts: StarCounts, stars: number): StarCounts {
  if (!Number.isInteger(stars) || stars < 1 || stars > 5) return counts;
  const next = [...counts] as [number, number, number, number, number];
  next[stars - 1] += 1;
  return next;
}

/**
 * RP1: the events a conversation's change produces, from the record as the decision read it
 * (null: new) to the record it writes. Written in the same transaction as the conversation, on
 * condition of its version, so a retried decision (which reads the changed record) counts nothing
 * twice. Accept: a chat leaving the queue for an agent (not a transfer: the customer was being
 * served), timed from its request or its return to the queue, as W1's samples. First reply: the
 * assignee's first message, timed from their accept (R13's clock). Ended: the outcome (R14).
 */
export function countedEvents(before: Conversation | null, after: Conversation): CountedEvent[] {
  const events: CountedEvent[] = [];
  if (before === null) events.push({ kind: 'requested' });
  const wasActive = before?.status === 'active';
  if (!wasActive && after.status === 'active' && after.assignee !== null && after.acceptedAt !== null)
    events.push({ kind: 'accepted', agentId: after.assignee, ms: after.acceptedAt - (after.requeuedAt ?? after.requestedAt) });
  if ((before?.firstAgentReplyAt ?? null) === null && after.firstAgentReplyAt !== null && after.assignee !== null)
    events.push({
      kind: 'firstReply',
      agentId: after.assignee,
      ms: after.firstAgentReplyAt - (after.acceptedAt ?? after.firstAgentReplyAt)
    });
  if ((before?.outcome ?? null) === null && after.outcome !== null)
    events.push({ kind: 'ended', outcome: after.outcome, agentId: after.outcome.kind === 'missed' ? null : after.assignee });
  return events;
}
