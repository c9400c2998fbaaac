import type { JiraClient } from '../ports/jira';
import type { People } from '../ports/people';
import type { ReportStore } from '../ports/report-store';
import type { SpaceStore } from '../ports/space-store';
import { coveredDays, reportOf, type Report } from './report-of';

export interface SiteReportDeps {
  readonly jira: Pick<JiraClient, 'serviceDesks'>;
  readonly spaceStore: Pick<SpaceStore, 'many'>;
  readonly reports: Pick<ReportStore, 'days'>;
  readonly people: People;
  readonly clock: { now(): number };
}

/** Spaces read at once: a large site must not burst storage's request rate (as the site overview). */
const SPACES_AT_ONCE = 10;

/**
 * `site.report` (the Jira admin page, RP1–RP5): the report over every service space the app has
 * a record of (one that never had live chat has no counts), per space and per agent. One Jira
 * request per 100 spaces, the spaces' records (batched), then one read per space and day.
 */
export async function showSiteReport(deps: SiteReportDeps, days: unknown): Promise<Report & { spaceNames: Record<string, string> }> {
  const covered = coveredDays(deps.clock.now(), days);
  const desks = await deps.jira.serviceDesks();
  const records = await deps.spaceStore.many(desks.map((desk) => desk.projectKey));
  const keys = desks.map((desk) => desk.projectKey).filter((key) => records.get(key)?.space);
  const found = [];
  for (let i = 0; i < keys.length; i += SPACES_AT_ONCE)
    found.push(...(await Promise.all(keys.slice(i, i + SPACES_AT_ONCE).map((key) => deps.reports.days(key, covered)))).flat());
  const spaceNames = Object.fromEntries(desks.map((desk) => [desk.projectKey, desk.projectName]));
  return { ...(await reportOf(deps.people, covered, found)), spaceNames };
}
