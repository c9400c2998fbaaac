import type { People } from '../ports/people';
import type { ReportStore } from '../ports/report-store';
import { coveredDays, reportOf, type Report } from './report-of';

export interface SpaceReportDeps {
  readonly reports: Pick<ReportStore, 'days'>;
  readonly people: People;
  readonly clock: { now(): number };
}

/**
 * `space.report` (the space settings page, RP1–RP5): the space's chats per day, missed rate,
 * times to assign and to first reply, and ratings, per agent, over the last 7 or 30 UTC days.
 * Reads one day record per day (7 or 30 reads), nothing else of storage, and writes nothing.
 */
export async function showSpaceReport(deps: SpaceReportDeps, projectKey: string, days: unknown): Promise<Report> {
  const covered = coveredDays(deps.clock.now(), days);
  return reportOf(deps.people, covered, await deps.reports.days(projectKey, covered));
}
