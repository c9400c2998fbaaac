import { countEvent, EMPTY_DAY, type DayCounts } from '../../domain';
import { countedDayKeys, reportDayKey, type CountedWrite } from '../../app/ports/routing-store';
import { mergedFrom, RememberedItems, type MergedItem } from './remembered-items';

/**
 * RP1: a space's report counts for one UTC day as one item (entity `report-day`, key
 * `KEY:YYYY-MM-DD`): requests, outcomes, latency buckets and ratings, per agent inside. Every
 * decision (and rating) that produces a figure merges its events into the item in its own
 * transaction, on condition of the item's version; when only the day item moved under it (another
 * chat of the space), the commit merges again without deciding again, as for the waiting line.
 * A report reads one item per space and day (30 for 30 days). Kept 35 days after its last write:
 * the reports look back 30.
 */
export const REPORT_DAY_ENTITY = 'report-day';
export const REPORT_DAY_KEPT = { value: 35, unit: 'DAYS' } as const;

export interface ReportDayItem {
  version: number;
  counts: DayCounts;
}

export class ReportDays extends RememberedItems<ReportDayItem> {
  constructor() {
    super(REPORT_DAY_ENTITY);
  }
}

export function reportDayKeysOf(write: { readonly counted?: readonly CountedWrite[] }): string[] {
  return countedDayKeys(write.counted);
}

/** The day items with this write's events counted in, each on condition of the version it was merged into. */
export function mergeReportDays(
  write: { readonly counted?: readonly CountedWrite[] },
  items: ReadonlyMap<string, ReportDayItem | null>
): MergedItem<ReportDayItem>[] {
  const days = new Map<string, DayCounts>();
  for (const { projectKey, day, event } of write.counted ?? []) {
    const key = reportDayKey(projectKey, day);
    days.set(key, countEvent(days.get(key) ?? { ...EMPTY_DAY, ...items.get(key)?.counts }, event));
  }
  return [...days].map(([key, counts]) => mergedFrom(key, items.get(key) ?? null, { version: 0, counts }));
}
