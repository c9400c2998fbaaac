import { kvs } from '@forge/kvs';
import { EMPTY_DAY } from '../../domain';
import { reportDayKey } from '../../app/ports/routing-store';
import type { ReportStore } from '../../app/ports/report-store';
import { batchGet } from './batch-get';
import { REPORT_DAY_ENTITY, type ReportDayItem } from './kvs-report-days';
import { storage } from '../storage-busy';

/** RP1's day records read by key (exact, unlike an index): a report of N days costs N reads per space. */
export function kvsReportStore(): ReportStore {
  return {
    async day(projectKey, day) {
      const key = reportDayKey(projectKey, day);
      const item = await storage(() => kvs.entity<ReportDayItem>(REPORT_DAY_ENTITY).get(key));
      return { key, counts: { ...EMPTY_DAY, ...item?.counts }, version: item?.version ?? null };
    },

    async days(projectKey, days) {
      const found = await batchGet(days.map((day) => ({ key: reportDayKey(projectKey, day), entityName: REPORT_DAY_ENTITY })));
      return days.flatMap((day) => {
        const item = found.get(`${REPORT_DAY_ENTITY}/${reportDayKey(projectKey, day)}`) as ReportDayItem | undefined;
        return item ? [{ projectKey, day, counts: { ...EMPTY_DAY, ...item.counts } }] : [];
      });
    }
  };
}
