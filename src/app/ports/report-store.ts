import type { DayCounts, SpaceDay } from '../../domain';

/** RP1: a day record as read, with the version its next write is conditioned on (null: none yet). */
export interface VersionedDay {
  readonly key: string;
  readonly counts: DayCounts;
  readonly version: number | null;
}

/**
 * The reports' day records (RP1): one per space and UTC day, counted into by the decisions'
 * own transactions (RoutingWrite.counted) and by a rating's (ChatFeedback.saveRating).
 */
export interface ReportStore {
  /** One read. */
  day(projectKey: string, day: string): Promise<VersionedDay>;
  /** The space's records of these days (days nobody chatted are left out): one read per day asked. */
  days(projectKey: string, days: readonly string[]): Promise<SpaceDay[]>;
}
