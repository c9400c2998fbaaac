// RP1–RP5 (README, "Operations beyond PRODUCT.md"): the reports' counting and figures.
export { LATENCY_BOUNDS_SECONDS, EMPTY_HISTOGRAM, addSample, addHistograms, bucketOf, quantile, sampleCount } from './latency-histogram';
export type { LatencyHistogram, LatencyQuantile } from './latency-histogram';
export { EMPTY_DAY, EMPTY_AGENT_DAY, NO_STARS, countEvent, countedEvents, lastDays, utcDay } from './day-counts';
export type { AgentDayCounts, CountedEvent, DayCounts, StarCounts } from './day-counts';
export { addDays, summarize } from './report-summary';
export type { AgentFigures, DayPoint, Figures, Latency, RatingFigures, ReportSummary, SpaceDay } from './report-summary';
export { REPORT_CSV_HEADER, csvCell, csvLines, reportCsv } from './report-csv';
