import {
  chatsPerDayData,
  dayLabel,
  latencyPerDayData,
  latencyText,
  medianAndP90,
  percentText,
  ratingText,
  reportSummaryText,
  type Report
} from './report-view';

const latency = (seconds: number | null, samples = 1) => ({
  samples,
  median: seconds === null ? null : { seconds, over: false },
  p90: seconds === null ? null : { seconds, over: false }
});

function figures(chats: number, missedRate: number | null) {
  return {
    chats,
    accepted: chats,
    resolved: chats,
    missedNoAgent: 0,
    missedTimeToAssign: 0,
    expired: 0,
    missedRate,
    timeToAssign: latency(45),
    timeToFirstReply: latency(null, 0),
    ratings: { count: 0, average: null, stars: [0, 0, 0, 0, 0] as [number, number, number, number, number] }
  };
}

const report = {
  days: ['2026-12-06', '2026-12-07'],
  perDay: [
    { day: '2026-12-06', chats: 0, missed: 0, figures: { ...figures(0, null), timeToAssign: latency(null, 0) } },
    { day: '2026-12-07', chats: 3, missed: 1, figures: figures(3, 1 / 3) }
  ],
  total: figures(3, 1 / 3),
  spaces: [],
  agents: [],
  names: {},
  csv: ''
} as unknown as Report;

describe('report view (RP1–RP4 on the pages)', () => {
  it('RP3: latencies read as "at most" their bucket bound, in seconds or minutes; past the last bucket "more than"', () => {
    expect(latencyText({ seconds: 45, over: false })).toBe('≤ 45 s');
    expect(latencyText({ seconds: 90, over: false })).toBe('≤ 1.5 min');
    expect(latencyText({ seconds: 3600, over: true })).toBe('> 60 min');
    expect(latencyText(null)).toBe('–');
    expect(medianAndP90(latency(20))).toBe('≤ 20 s / ≤ 20 s');
    expect(medianAndP90(latency(null, 0))).toBe('–');
  });

  it('RP2, RP4: the missed rate in whole percent; ratings as mean and count', () => {
    expect(percentText(1 / 3)).toBe('33%');
    expect(percentText(null)).toBe('–');
    expect(ratingText({ count: 12, average: 4.5, stars: [0, 0, 0, 6, 6] })).toBe('4.5 (12)');
    expect(ratingText({ count: 0, average: null, stars: [0, 0, 0, 0, 0] })).toBe('–');
  });

  it('RP1: charts get a bar per day and series, UTC day labels, and no point for a day without samples', () => {
    expect(dayLabel('2026-12-07')).toBe('7 Dec');
    expect(chatsPerDayData(report)).toEqual([
      { day: '6 Dec', series: 'Chats', count: 0 },
      { day: '6 Dec', series: 'Missed or expired', count: 0 },
      { day: '7 Dec', series: 'Chats', count: 3 },
      { day: '7 Dec', series: 'Missed or expired', count: 1 }
    ]);
    expect(latencyPerDayData(report)).toEqual([{ day: '7 Dec', series: 'Time to assign (median)', seconds: 45 }]);
    expect(reportSummaryText(report)).toBe('3 chats in the last 2 days (UTC days), 33% missed or expired.');
  });
});
