import type { LatencyQuantile } from './latency-histogram';
import type { AgentFigures, Figures, ReportSummary } from './report-summary';

/**
 * RP5 (README, "Operations beyond PRODUCT.md"): the report as CSV (RFC 4180): one header row,
 * then a row for the whole report, each space, each agent and each day; cells left empty where a
 * figure does not apply; lines end in CRLF.
 */

export const REPORT_CSV_HEADER = [
  'row',
  'space',
  'agent',
  'day',
  'chats',
  'accepted',
  'resolved',
  'missed_no_agent',
  'missed_time_to_assign',
  'expired',
  'missed_rate',
  'time_to_assign_median_s',
  'time_to_assign_p90_s',
  'time_to_first_reply_median_s',
  'time_to_first_reply_p90_s',
  'ratings',
  'rating_average'
] as const;

type Cell = string | number | null;

/**
 * RP5: a cell quoted when it holds a comma, a quote or a line break (quotes doubled); text that a
 * spreadsheet would run as a formula (starting with =, +, -, @, tab or CR) gets a leading
 * apostrophe first, so an agent's name can never become a formula. Numbers are written as they are.
 */
export function csvCell(value: Cell): string {
  if (value === null) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  const guarded = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(guarded) ? `"${guarded.replace(/"/g, '""')}"` : guarded;
}

export function csvLines(rows: readonly (readonly Cell[])[]): string {
  return rows.map((row) => row.map(csvCell).join(',')).join('\r\n') + '\r\n';
}

/** A quantile in seconds ("at most"); over the last bucket as `>3600`. */
function seconds(q: LatencyQuantile | null): Cell {
  if (q === null) return null;
  return q.over ? `>${q.seconds}` : q.seconds;
}

function agentCells(f: AgentFigures): Cell[] {
  return [f.accepted, f.resolved, null, null, f.expired, null, ...timesAndRatings(f)];
}

function figureCells(f: Figures): Cell[] {
  return [
    f.chats,
    f.accepted,
    f.resolved,
    f.missedNoAgent,
    f.missedTimeToAssign,
    f.expired,
    f.missedRate === null ? null : Math.round(f.missedRate * 1000) / 1000,
    ...timesAndRatings(f)
  ];
}

/** The columns a space's, a day's and an agent's rows share. */
function timesAndRatings(f: AgentFigures | Figures): Cell[] {
  return [
    seconds(f.timeToAssign.median),
    seconds(f.timeToAssign.p90),
    seconds(f.timeToFirstReply.median),
    seconds(f.timeToFirstReply.p90),
    f.ratings.count,
    f.ratings.average
  ];
}

/** `names`: display names by account id (an agent without one is shown by id). */
export function reportCsv(summary: ReportSummary, names: Readonly<Record<string, string>>): string {
  const from = summary.days[0] ?? null;
  const to = summary.days.at(-1) ?? null;
  const range = from === to ? from : `${from}..${to}`;
  return csvLines([
    [...REPORT_CSV_HEADER],
    ['total', null, null, range, ...figureCells(summary.total)],
    ...summary.spaces.map(({ projectKey, figures }) => ['space', projectKey, null, range, ...figureCells(figures)]),
    ...summary.agents.map(({ accountId, figures }) => ['agent', null, names[accountId] ?? accountId, range, null, ...agentCells(figures)]),
    ...summary.perDay.map(({ day, figures }) => ['day', null, null, day, ...figureCells(figures)])
  ]);
}
