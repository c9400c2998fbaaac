/**
 * The reports (RP1–RP5) as the settings and admin pages show them: wording of the figures and
 * the charts' data. Pure, so it is tested without a page.
 */
import type { OperationResult } from '../../../contract/operations';

export type Report = OperationResult<'space.report'>;
export type ReportFigures = Report['total'];
export type LatencyFigure = ReportFigures['timeToAssign'];

/** RP3: a bucket's bound as "at most" ("≤ 45 s", "≤ 2 min"), or "> 60 min" past the last bucket; "–" with no sample. */
export function latencyText(q: LatencyFigure['median']): string {
  if (q === null) return '–';
  const amount = q.seconds < 60 ? `${q.seconds} s` : `${Math.round((q.seconds / 60) * 10) / 10} min`;
  return q.over ? `> ${amount}` : `≤ ${amount}`;
}

export function medianAndP90(latency: LatencyFigure): string {
  return latency.samples === 0 ? '–' : `${latencyText(latency.median)} / ${latencyText(latency.p90)}`;
}

/** RP2: the missed rate as a whole percent; "–" when nothing ended. */
export function percentText(rate: number | null): string {
  return rate === null ? '–' : `${Math.round(rate * 100)}%`;
}

/** RP4: "4.5 (12)": mean stars and how many ratings; "–" with none. */
export function ratingText(ratings: ReportFigures['ratings']): string {
  return ratings.average === null ? '–' : `${ratings.average.toFixed(1)} (${ratings.count})`;
}

/** "7 Dec" from "2026-12-07", in UTC (RP1's days are UTC days). */
export function dayLabel(day: string): string {
  return new Date(`${day}T00:00:00Z`).toLocaleDateString('en-GB', { day: 'numeric', month: 'short', timeZone: 'UTC' });
}

/** BarChart's data: per day, the chats and those missed, grouped by series (UI Kit's array-of-objects form). */
export function chatsPerDayData(report: Report): { day: string; series: string; count: number }[] {
  return report.perDay.flatMap((point) => [
    { day: dayLabel(point.day), series: 'Chats', count: point.chats },
    { day: dayLabel(point.day), series: 'Missed or expired', count: point.missed }
  ]);
}

/**
 * LineChart's data: per day, the median times to assign and to first reply in seconds (the
 * bucket bound, RP3); a day without samples is left out of its line.
 */
export function latencyPerDayData(report: Report): { day: string; series: string; seconds: number }[] {
  return report.perDay.flatMap((point) =>
    (
      [
        ['Time to assign (median)', point.figures.timeToAssign.median],
        ['Time to first reply (median)', point.figures.timeToFirstReply.median]
      ] as const
    ).flatMap(([series, q]) => (q === null ? [] : [{ day: dayLabel(point.day), series, seconds: q.seconds }]))
  );
}

/** The headline of a report: "12 chats in the last 7 days (UTC), 8% missed or expired." */
export function reportSummaryText(report: Report): string {
  const { chats, missedRate } = report.total;
  const chatsText = `${chats} ${chats === 1 ? 'chat' : 'chats'} in the last ${report.days.length} days (UTC days)`;
  return missedRate === null ? `${chatsText}.` : `${chatsText}, ${percentText(missedRate)} missed or expired.`;
}

export function agentName(report: Report, accountId: string): string {
  return report.names[accountId] ?? accountId;
}
