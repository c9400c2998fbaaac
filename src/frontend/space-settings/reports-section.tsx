import { useCallback } from 'react';
import { ReportSection } from '../shared/reports/report-section';
import { run } from '../shared/run';

/** The space's reports (`space.report`, RP1–RP5), for its admins. */
export function SpaceReportsSection({ projectKey }: { projectKey: string }) {
  const load = useCallback((days: 7 | 30) => run('space.report', { projectKey, days }), [projectKey]);
  return <ReportSection load={load} />;
}
