import { lastDays, reportCsv, summarize, type ReportSummary, type SpaceDay } from '../../domain';
import { AppError } from '../app-error';
import type { People } from '../ports/people';

/** RP1: the periods a report covers, in UTC days up to and including today. */
export const REPORT_PERIODS = [7, 30] as const;
export type ReportPeriod = (typeof REPORT_PERIODS)[number];

/** What a reports page shows: the figures, agents' names, and the same as CSV (RP5). */
export interface Report extends ReportSummary {
  /** Display names of the agents in the report (by account id; one missing is shown by id). */
  readonly names: Readonly<Record<string, string>>;
  readonly csv: string;
}

/** The UTC days a report of `days` covers up to today; `invalid` naming `days` unless it is 7 or 30. */
export function coveredDays(now: number, days: unknown): string[] {
  if (!REPORT_PERIODS.includes(days as ReportPeriod)) throw new AppError('invalid', 'days: must be 7 or 30', { days: 'must be 7 or 30' });
  return lastDays(now, days as ReportPeriod);
}

/** The figures of these day records, with the agents' names (kept a day by People) and the CSV. */
export async function reportOf(people: People, days: readonly string[], records: readonly SpaceDay[]): Promise<Report> {
  const summary = summarize(days, records);
  const names: Record<string, string> = {};
  await Promise.all(
    summary.agents.map(async ({ accountId }) => {
      const name = await people.displayName(accountId).catch(() => null);
      if (name) names[accountId] = name;
    })
  );
  return { ...summary, names, csv: reportCsv(summary, names) };
}
