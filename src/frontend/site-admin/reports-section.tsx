import { useCallback } from 'react';
import type { OperationResult } from '../../contract/operations';
import { ReportSection } from '../shared/reports/report-section';
import type { Report } from '../shared/reports/report-view';
import { run } from '../shared/run';

type SiteReport = OperationResult<'site.report'>;

/** Every space's reports (`site.report`, RP1–RP5), per space and per agent, for site admins. */
export function SiteReportsSection() {
  const load = useCallback((days: 7 | 30) => run('site.report', { days }), []);
  return <ReportSection load={load} spaceNames={(report: Report) => (report as SiteReport).spaceNames} />;
}
