import { EMPTY_AGENT_DAY, EMPTY_DAY, NO_STARS, type AgentDayCounts, type DayCounts, type StarCounts } from './day-counts';
import { addHistograms, quantile, type LatencyHistogram, type LatencyQuantile } from './latency-histogram';

/** RP2–RP4 (README, "Operations beyond PRODUCT.md"): a report's figures, added up from day records. */

export interface Latency {
  readonly samples: number;
  readonly median: LatencyQuantile | null;
  readonly p90: LatencyQuantile | null;
}

export interface RatingFigures {
  readonly count: number;
  /** Mean stars, to one decimal; null with no rating. */
  readonly average: number | null;
  readonly stars: StarCounts;
}

export interface AgentFigures {
  readonly accepted: number;
  readonly resolved: number;
  readonly expired: number;
  readonly timeToAssign: Latency;
  readonly timeToFirstReply: Latency;
  readonly ratings: RatingFigures;
}

export interface Figures extends Omit<AgentFigures, 'accepted'> {
  readonly chats: number;
  readonly accepted: number;
  readonly missedNoAgent: number;
  readonly missedTimeToAssign: number;
  /** RP2: ended missed (R10, R12) or expired (R13) over all ended; null when none ended. */
  readonly missedRate: number | null;
}

export interface DayPoint {
  readonly day: string;
  readonly chats: number;
  /** RP2: missed (R10, R12) and expired (R13). */
  readonly missed: number;
  readonly figures: Figures;
}

/** One space's day record (absent days: nothing counted). */
export interface SpaceDay {
  readonly projectKey: string;
  readonly day: string;
  readonly counts: DayCounts;
}

export interface ReportSummary {
  /** The UTC days covered, oldest first. */
  readonly days: readonly string[];
  readonly perDay: readonly DayPoint[];
  readonly total: Figures;
  readonly spaces: readonly { readonly projectKey: string; readonly figures: Figures }[];
  readonly agents: readonly { readonly accountId: string; readonly figures: AgentFigures }[];
}

export function summarize(days: readonly string[], records: readonly SpaceDay[]): ReportSummary {
  const inRange = records.filter((r) => days.includes(r.day));
  const perDay = days.map((day) => {
    const counts = addDays(inRange.filter((r) => r.day === day).map((r) => r.counts));
    return { day, chats: counts.requested, missed: missedOf(counts), figures: figuresOf(counts) };
  });
  const spaceKeys = [...new Set(inRange.map((r) => r.projectKey))].sort();
  const total = addDays(inRange.map((r) => r.counts));
  const agentIds = Object.keys(total.agents).sort();
  return {
    days,
    perDay,
    total: figuresOf(total),
    spaces: spaceKeys.map((projectKey) => ({
      projectKey,
      figures: figuresOf(addDays(inRange.filter((r) => r.projectKey === projectKey).map((r) => r.counts)))
    })),
    agents: agentIds.map((accountId) => ({ accountId, figures: agentFiguresOf(total.agents[accountId]) }))
  };
}

export function addDays(days: readonly DayCounts[]): DayCounts {
  return days.reduce(addDay, EMPTY_DAY);
}

function addDay(a: DayCounts, b: DayCounts): DayCounts {
  const agents: Record<string, AgentDayCounts> = { ...a.agents };
  for (const [id, agent] of Object.entries(b.agents)) agents[id] = addAgent(agents[id] ?? EMPTY_AGENT_DAY, agent);
  return {
    requested: a.requested + b.requested,
    accepted: a.accepted + b.accepted,
    resolved: a.resolved + b.resolved,
    missedNoAgent: a.missedNoAgent + b.missedNoAgent,
    missedTimeToAssign: a.missedTimeToAssign + b.missedTimeToAssign,
    expired: a.expired + b.expired,
    timeToAssign: addHistograms(a.timeToAssign, b.timeToAssign),
    timeToFirstReply: addHistograms(a.timeToFirstReply, b.timeToFirstReply),
    ratings: addStars(a.ratings, b.ratings),
    agents
  };
}

function addAgent(a: AgentDayCounts, b: AgentDayCounts): AgentDayCounts {
  return {
    accepted: a.accepted + b.accepted,
    resolved: a.resolved + b.resolved,
    expired: a.expired + b.expired,
    timeToAssign: addHistograms(a.timeToAssign, b.timeToAssign),
    timeToFirstReply: addHistograms(a.timeToFirstReply, b.timeToFirstReply),
    ratings: addStars(a.ratings, b.ratings)
  };
}

function addStars(a: StarCounts, b: StarCounts): StarCounts {
  return NO_STARS.map((_, i) => (a[i] ?? 0) + (b[i] ?? 0)) as unknown as StarCounts;
}

function missedOf(counts: DayCounts): number {
  return counts.missedNoAgent + counts.missedTimeToAssign + counts.expired;
}

function figuresOf(counts: DayCounts): Figures {
  const ended = counts.resolved + missedOf(counts);
  return {
    chats: counts.requested,
    accepted: counts.accepted,
    resolved: counts.resolved,
    missedNoAgent: counts.missedNoAgent,
    missedTimeToAssign: counts.missedTimeToAssign,
    expired: counts.expired,
    missedRate: ended === 0 ? null : missedOf(counts) / ended,
    timeToAssign: latencyOf(counts.timeToAssign),
    timeToFirstReply: latencyOf(counts.timeToFirstReply),
    ratings: ratingsOf(counts.ratings)
  };
}

function agentFiguresOf(counts: AgentDayCounts): AgentFigures {
  return {
    accepted: counts.accepted,
    resolved: counts.resolved,
    expired: counts.expired,
    timeToAssign: latencyOf(counts.timeToAssign),
    timeToFirstReply: latencyOf(counts.timeToFirstReply),
    ratings: ratingsOf(counts.ratings)
  };
}

function latencyOf(histogram: LatencyHistogram): Latency {
  return { samples: histogram.reduce((s, c) => s + c, 0), median: quantile(histogram, 0.5), p90: quantile(histogram, 0.9) };
}

/** RP4: how many ratings, each star's count, and the mean to one decimal. */
function ratingsOf(stars: StarCounts): RatingFigures {
  const count = stars.reduce((s, c) => s + c, 0);
  const sum = stars.reduce((s, c, i) => s + c * (i + 1), 0);
  return { count, average: count === 0 ? null : Math.round((sum / count) * 10) / 10, stars };
}
