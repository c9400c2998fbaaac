import { newConversation, type Conversation } from '../conversation';
import { countEvent, countedEvents, EMPTY_DAY, lastDays, utcDay, type DayCounts } from './day-counts';
import { addSample, bucketOf, EMPTY_HISTOGRAM, LATENCY_BOUNDS_SECONDS, quantile, type LatencyHistogram } from './latency-histogram';
import { csvCell, reportCsv, REPORT_CSV_HEADER } from './report-csv';
import { summarize } from './report-summary';

const T0 = Date.UTC(2026, 11, 7, 9, 0, 0);
const timing = { timeToAssignMs: 120_000, offerTimeoutMs: 30_000, timeToReplyMs: 120_000 };
const waiting = newConversation({ id: 'c1', projectKey: 'SUP', requestedAt: T0, timing });
const offered: Conversation = {
  ...waiting,
  status: 'offered',
  attempts: 1,
  offer: { agentId: 'ana', offeredAt: T0, expiresAt: T0 + 30_000, attempt: 1 }
};
const active: Conversation = { ...offered, status: 'active', offer: null, assignee: 'ana', acceptedAt: T0 + 45_000 };
const replied: Conversation = { ...active, firstAgentReplyAt: T0 + 65_000 };
const resolved: Conversation = { ...replied, status: 'resolved', outcome: { kind: 'resolved', by: 'agent' }, endedAt: T0 + 600_000 };

function histogramOf(...seconds: number[]): LatencyHistogram {
  return seconds.reduce((h, s) => addSample(h, s * 1000), EMPTY_HISTOGRAM);
}

describe('reports: counting (RP1)', () => {
  it('RP1: a chat counts on the UTC day it was requested', () => {
    expect(utcDay(Date.UTC(2026, 11, 7, 23, 59, 59, 999))).toBe('2026-12-07');
    expect(utcDay(Date.UTC(2026, 11, 8, 0, 0, 0))).toBe('2026-12-08');
    expect(lastDays(T0, 3)).toEqual(['2026-12-05', '2026-12-06', '2026-12-07']);
    expect(lastDays(Date.UTC(2026, 2, 1, 12), 2)).toEqual(['2026-02-28', '2026-03-01']);
  });

  it('RP1: each change of a conversation yields its events once: request, accept, first reply, end', () => {
    expect(countedEvents(null, waiting)).toEqual([{ kind: 'requested' }]);
    expect(countedEvents(waiting, offered)).toEqual([]);
    expect(countedEvents(offered, active)).toEqual([{ kind: 'accepted', agentId: 'ana', ms: 45_000 }]);
    expect(countedEvents(active, replied)).toEqual([{ kind: 'firstReply', agentId: 'ana', ms: 20_000 }]);
    expect(countedEvents(replied, resolved)).toEqual([{ kind: 'ended', outcome: { kind: 'resolved', by: 'agent' }, agentId: 'ana' }]);
  });

  it('RP1: a record written again unchanged (a retried decision read the new record) counts nothing', () => {
    for (const record of [waiting, offered, active, replied, resolved]) expect(countedEvents(record, record)).toEqual([]);
  });

  it('RP1: a chat missed at once (R10) counts its request and its end together; a missed chat names no agent', () => {
    const missed: Conversation = { ...waiting, status: 'missed', outcome: { kind: 'missed', reason: 'noAgent' }, endedAt: T0 };
    expect(countedEvents(null, missed)).toEqual([
      { kind: 'requested' },
      { kind: 'ended', outcome: { kind: 'missed', reason: 'noAgent' }, agentId: null }
    ]);
  });

  it('RP1: a transfer to another agent is no accept; a chat back from the queue is timed from its return', () => {
    const handedOver: Conversation = { ...replied, assignee: 'ben', acceptedAt: T0 + 300_000 };
    expect(countedEvents({ ...replied, offer: { agentId: 'ben', offeredAt: T0, expiresAt: T0 + 1, attempt: 2 } }, handedOver)).toEqual([]);
    const requeued: Conversation = { ...offered, requeuedAt: T0 + 200_000 };
    const reaccepted: Conversation = { ...requeued, status: 'active', offer: null, assignee: 'ben', acceptedAt: T0 + 230_000 };
    expect(countedEvents(requeued, reaccepted)).toEqual([{ kind: 'accepted', agentId: 'ben', ms: 30_000 }]);
  });

  it('RP1: the day record adds each event to the space and to its agent', () => {
    const events = [
      ...countedEvents(null, waiting),
      ...countedEvents(offered, active),
      ...countedEvents(active, replied),
      ...countedEvents(replied, resolved),
      { kind: 'rated' as const, agentId: 'ana', stars: 4 }
    ];
    const day = events.reduce<DayCounts>(countEvent, EMPTY_DAY);
    expect(day).toMatchObject({ requested: 1, accepted: 1, resolved: 1, ratings: [0, 0, 0, 1, 0] });
    expect(day.agents.ana).toMatchObject({ accepted: 1, resolved: 1, ratings: [0, 0, 0, 1, 0] });
    expect(day.timeToAssign[bucketOf(45_000)]).toBe(1);
    expect(day.agents.ana.timeToFirstReply[bucketOf(20_000)]).toBe(1);
  });
});

describe('reports: latencies from buckets (RP3)', () => {
  it('RP3: a sample goes into the first bucket whose bound is at least it (bounds included)', () => {
    expect(bucketOf(10_000)).toBe(0);
    expect(bucketOf(10_001)).toBe(1);
    expect(bucketOf(-5)).toBe(0);
    expect(bucketOf(3_600_001)).toBe(LATENCY_BOUNDS_SECONDS.length);
  });

  it('RP3: median and p90 are the nearest-rank sample’s bucket bound ("at most")', () => {
    const h = histogramOf(5, 12, 25, 40, 50, 70, 100, 150, 200, 250);
    expect(quantile(h, 0.5)).toEqual({ seconds: 60, over: false }); // 5th of 10: 50 s
    expect(quantile(h, 0.9)).toEqual({ seconds: 300, over: false }); // 9th of 10: 200 s
    expect(quantile(histogramOf(7), 0.9)).toEqual({ seconds: 10, over: false });
  });

  it('RP3: none without samples; beyond the last bound it says "more than an hour"', () => {
    expect(quantile(EMPTY_HISTOGRAM, 0.5)).toBeNull();
    expect(quantile(histogramOf(5, 4000, 5000), 0.9)).toEqual({ seconds: 3600, over: true });
  });
});

describe('reports: figures (RP2, RP4)', () => {
  const day = (key: string, d: string, counts: Partial<DayCounts>) => ({ projectKey: key, day: d, counts: { ...EMPTY_DAY, ...counts } });

  it('RP2: the missed rate is missed (R10, R12) and expired (R13) over every ended chat', () => {
    const s = summarize(
      ['2026-12-06', '2026-12-07'],
      [
        day('SUP', '2026-12-06', { requested: 4, resolved: 2, missedNoAgent: 1, missedTimeToAssign: 1 }),
        day('SUP', '2026-12-07', { requested: 2, resolved: 1, expired: 1 }),
        day('HR', '2026-12-07', { requested: 1 })
      ]
    );
    expect(s.total).toMatchObject({ chats: 7, resolved: 3, missedNoAgent: 1, missedTimeToAssign: 1, expired: 1, missedRate: 0.5 });
    expect(s.perDay.map(({ day: d, chats, missed }) => ({ d, chats, missed }))).toEqual([
      { d: '2026-12-06', chats: 4, missed: 2 },
      { d: '2026-12-07', chats: 3, missed: 1 }
    ]);
    expect(s.spaces.map((x) => [x.projectKey, x.figures.missedRate])).toEqual([
      ['HR', null],
      ['SUP', 0.5]
    ]);
  });

  it('RP2: days outside the report are left out; a day nobody chatted shows 0', () => {
    const s = summarize(['2026-12-07'], [day('SUP', '2026-11-01', { requested: 9 })]);
    expect(s.total.chats).toBe(0);
    expect(s.perDay).toEqual([expect.objectContaining({ day: '2026-12-07', chats: 0, missed: 0 })]);
  });

  it('RP3, RP4: days add up bucket by bucket and star by star, per agent too', () => {
    const s = summarize(
      ['2026-12-06', '2026-12-07'],
      [
        day('SUP', '2026-12-06', {
          timeToAssign: histogramOf(5, 5, 5),
          ratings: [0, 0, 0, 0, 2],
          agents: {
            ana: {
              accepted: 3,
              resolved: 3,
              expired: 0,
              timeToAssign: histogramOf(5, 5, 5),
              timeToFirstReply: EMPTY_HISTOGRAM,
              ratings: [0, 0, 0, 0, 2]
            }
          }
        }),
        day('SUP', '2026-12-07', {
          timeToAssign: histogramOf(100),
          ratings: [1, 0, 0, 0, 0],
          agents: {
            ana: {
              accepted: 1,
              resolved: 0,
              expired: 1,
              timeToAssign: histogramOf(100),
              timeToFirstReply: EMPTY_HISTOGRAM,
              ratings: [1, 0, 0, 0, 0]
            }
          }
        })
      ]
    );
    expect(s.total.timeToAssign).toEqual({ samples: 4, median: { seconds: 10, over: false }, p90: { seconds: 120, over: false } });
    expect(s.total.ratings).toEqual({ count: 3, average: 3.7, stars: [1, 0, 0, 0, 2] });
    expect(s.agents).toEqual([{ accountId: 'ana', figures: expect.objectContaining({ accepted: 4, resolved: 3, expired: 1 }) }]);
    expect(s.agents[0].figures.timeToFirstReply.median).toBeNull();
  });
});

describe('reports: CSV (RP5)', () => {
  it('RP5: quotes commas, quotes and line breaks, doubling quotes', () => {
    expect(csvCell('plain')).toBe('plain');
    expect(csvCell('Souza, Ana')).toBe('"Souza, Ana"');
    expect(csvCell('Ana "the fixer"')).toBe('"Ana ""the fixer"""');
    expect(csvCell('two\nlines')).toBe('"two\nlines"');
    expect(csvCell(null)).toBe('');
    expect(csvCell(0.25)).toBe('0.25');
  });

  it('RP5: text a spreadsheet would run as a formula starts with an apostrophe', () => {
    expect(csvCell('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
    expect(csvCell('+1')).toBe("'+1");
    expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvCell('-2')).toBe("'-2");
  });

  it('RP5: one header, then the whole report, each space, each agent (by name) and each day; CRLF lines of equal width', () => {
    const s = summarize(
      ['2026-12-07'],
      [
        {
          projectKey: 'SUP',
          day: '2026-12-07',
          counts: {
            ...EMPTY_DAY,
            requested: 1,
            accepted: 1,
            resolved: 1,
            timeToAssign: histogramOf(40),
            agents: {
              ana: {
                accepted: 1,
                resolved: 1,
                expired: 0,
                timeToAssign: histogramOf(40),
                timeToFirstReply: histogramOf(4000),
                ratings: [0, 0, 0, 0, 1]
              }
            }
          }
        }
      ]
    );
    const csv = reportCsv(s, { ana: 'Souza, Ana' });
    const lines = csv.split('\r\n');
    expect(lines.at(-1)).toBe('');
    expect(lines[0]).toBe(REPORT_CSV_HEADER.join(','));
    expect(lines[1]).toBe('total,,,2026-12-07,1,1,1,0,0,0,0,45,45,,,0,');
    expect(lines[2]).toMatch(/^space,SUP,,2026-12-07,1,/);
    expect(lines[3]).toBe('agent,,"Souza, Ana",2026-12-07,,1,1,,,0,,45,45,>3600,>3600,1,5');
    expect(lines[4]).toMatch(/^day,,,2026-12-07,1,1,1,/);
    expect(lines.slice(0, -1).every((l) => l.replace(/"[^"]*"/g, 'x').split(',').length === REPORT_CSV_HEADER.length)).toBe(true);
  });
});
