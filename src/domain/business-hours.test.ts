import fc from 'fast-check';
import {
  DEFAULT_CLOSED_MESSAGE,
  instantOfWall,
  isOpenAt,
  nextOpening,
  openingText,
  renderClosedMessage,
  type BusinessHours,
  type OpeningInterval
} from './business-hours';

const at = (iso: string) => Date.parse(iso);
const none: OpeningInterval[] = [];
const nineToFive: OpeningInterval[] = [{ start: '09:00', end: '17:00' }];

function hours(timeZone: string, week: Partial<BusinessHours['week']>, holidays: string[] = []): BusinessHours {
  return {
    timeZone,
    week: { monday: none, tuesday: none, wednesday: none, thursday: none, friday: none, saturday: none, sunday: none, ...week },
    holidays,
    closedMessage: DEFAULT_CLOSED_MESSAGE
  };
}

const weekdays = (zone: string, holidays: string[] = []) =>
  hours(zone, { monday: nineToFive, tuesday: nineToFive, wednesday: nineToFive, thursday: nineToFive, friday: nineToFive }, holidays);

describe('business hours (H1)', () => {
  it('H1: open inside a day’s interval in the space’s time zone, closed outside it and at its end', () => {
    const berlin = weekdays('Europe/Berlin');
    expect(isOpenAt(berlin, at('2026-03-27T08:00:00Z'))).toBe(true); // Fri 09:00 CET
    expect(isOpenAt(berlin, at('2026-03-27T07:59:59Z'))).toBe(false); // Fri 08:59:59
    expect(isOpenAt(berlin, at('2026-03-27T16:00:00Z'))).toBe(false); // Fri 17:00: the end is not open
    expect(isOpenAt(berlin, at('2026-03-28T10:00:00Z'))).toBe(false); // Saturday
  });

  it('H1: several intervals a day (a lunch break)', () => {
    const split = hours('UTC', {
      monday: [
        { start: '09:00', end: '12:00' },
        { start: '13:00', end: '17:00' }
      ]
    });
    expect(isOpenAt(split, at('2026-03-30T11:59:00Z'))).toBe(true);
    expect(isOpenAt(split, at('2026-03-30T12:30:00Z'))).toBe(false);
    expect(nextOpening(split, at('2026-03-30T12:30:00Z'))).toBe(at('2026-03-30T13:00:00Z'));
  });

  it('H1: open now: the next opening is now', () => {
    expect(nextOpening(weekdays('UTC'), at('2026-03-30T10:00:00Z'))).toBe(at('2026-03-30T10:00:00Z'));
  });

  it('H1: a holiday is closed all day, and the next opening skips it', () => {
    const christmas = weekdays('Europe/Berlin', ['2026-12-24', '2026-12-25']);
    expect(isOpenAt(christmas, at('2026-12-24T10:00:00Z'))).toBe(false);
    expect(nextOpening(christmas, at('2026-12-23T17:00:00Z'))).toBe(at('2026-12-28T08:00:00Z')); // Monday 09:00 CET
  });

  it('H1: the holiday is the space’s local date, not UTC’s', () => {
    const late = hours('America/New_York', { thursday: [{ start: '20:00', end: '23:00' }] }, ['2026-12-24']);
    // Thu 24 Dec 21:00 in New York is Fri 25 Dec 02:00 UTC: closed (its local date is the holiday).
    expect(isOpenAt(late, at('2026-12-25T02:00:00Z'))).toBe(false);
    expect(isOpenAt(late, at('2026-12-18T02:00:00Z'))).toBe(true);
  });

  it('H1: a schedule that never opens has no next opening', () => {
    expect(nextOpening(hours('UTC', {}), at('2026-03-30T10:00:00Z'))).toBeNull();
  });

  describe('daylight saving changes', () => {
    it('H1: Europe/Berlin spring forward: 09:00 is 07:00 UTC after the change and 08:00 UTC before it', () => {
      const berlin = weekdays('Europe/Berlin');
      // Friday 27 March 2026 17:00 CET → Monday 30 March 09:00 CEST
      expect(nextOpening(berlin, at('2026-03-27T16:00:00Z'))).toBe(at('2026-03-30T07:00:00Z'));
      expect(isOpenAt(berlin, at('2026-03-30T07:00:00Z'))).toBe(true);
      expect(isOpenAt(berlin, at('2026-03-30T06:59:00Z'))).toBe(false);
    });

    it('H1: Europe/Berlin fall back: 09:00 is 08:00 UTC after the change', () => {
      const berlin = weekdays('Europe/Berlin');
      // Friday 23 October 2026 17:00 CEST → Monday 26 October 09:00 CET
      expect(nextOpening(berlin, at('2026-10-23T15:00:00Z'))).toBe(at('2026-10-26T08:00:00Z'));
    });

    it('H1: America/New_York spring forward and fall back', () => {
      const newYork = weekdays('America/New_York');
      expect(nextOpening(newYork, at('2026-03-06T22:00:00Z'))).toBe(at('2026-03-09T13:00:00Z')); // Mon 09:00 EDT
      expect(nextOpening(newYork, at('2026-10-30T21:00:00Z'))).toBe(at('2026-11-02T14:00:00Z')); // Mon 09:00 EST
    });

    it('H1: an opening inside the spring-forward gap opens when the clocks jump (Berlin 02:30 → 03:00 CEST)', () => {
      const night = hours('Europe/Berlin', { sunday: [{ start: '02:30', end: '04:00' }] });
      expect(nextOpening(night, at('2026-03-29T00:45:00Z'))).toBe(at('2026-03-29T01:00:00Z'));
      expect(isOpenAt(night, at('2026-03-29T00:59:59Z'))).toBe(false); // 01:59:59 CET
      expect(isOpenAt(night, at('2026-03-29T01:00:00Z'))).toBe(true); // 03:00 CEST
      expect(isOpenAt(night, at('2026-03-29T02:00:00Z'))).toBe(false); // 04:00 CEST
    });

    it('H1: an interval spanning the gap is open on both sides of it, one hour shorter (New York 01:00–04:00)', () => {
      const night = hours('America/New_York', { sunday: [{ start: '01:00', end: '04:00' }] });
      expect(nextOpening(night, at('2026-03-08T05:00:00Z'))).toBe(at('2026-03-08T06:00:00Z')); // 01:00 EST
      expect(isOpenAt(night, at('2026-03-08T06:59:00Z'))).toBe(true); // 01:59 EST
      expect(isOpenAt(night, at('2026-03-08T07:00:00Z'))).toBe(true); // 03:00 EDT
      expect(isOpenAt(night, at('2026-03-08T08:00:00Z'))).toBe(false); // 04:00 EDT: 2 hours open, not 3
    });

    it('H1: a local time that happens twice (fall back) opens at its first occurrence, and stays open through the repeat', () => {
      const night = hours('Europe/Berlin', { sunday: [{ start: '02:00', end: '02:30' }] });
      expect(nextOpening(night, at('2026-10-24T22:00:00Z'))).toBe(at('2026-10-25T00:00:00Z')); // 02:00 CEST
      expect(isOpenAt(night, at('2026-10-25T00:15:00Z'))).toBe(true); // 02:15 CEST
      expect(isOpenAt(night, at('2026-10-25T00:45:00Z'))).toBe(false); // 02:45 CEST
      expect(isOpenAt(night, at('2026-10-25T01:15:00Z'))).toBe(true); // 02:15 CET, the second time
    });

    it('H1: instantOfWall finds the instant of a local time on either side of a change', () => {
      expect(instantOfWall('America/New_York', at('2026-03-08T03:30:00Z'))).toBe(at('2026-03-08T07:30:00Z'));
      expect(instantOfWall('America/New_York', at('2026-03-08T02:30:00Z'))).toBe(at('2026-03-08T07:00:00Z')); // in the gap
      expect(instantOfWall('America/New_York', at('2026-11-01T01:30:00Z'))).toBe(at('2026-11-01T05:30:00Z')); // the earlier of two
    });
  });

  it('H1 property: the next opening is open, not before t, and nothing between t and it is open', () => {
    const zones = ['Europe/Berlin', 'America/New_York', 'Australia/Lord_Howe', 'Asia/Kolkata'];
    const interval = fc.tuple(fc.integer({ min: 0, max: 47 }), fc.integer({ min: 1, max: 16 })).map(([start, length]): OpeningInterval => {
      const end = Math.min(48, start + length);
      const time = (half: number) => `${String(Math.floor(half / 2)).padStart(2, '0')}:${half % 2 ? '30' : '00'}`;
      return { start: time(start), end: end === 48 ? '24:00' : time(end) };
    });
    fc.assert(
      fc.property(
        fc.constantFrom(...zones),
        fc.array(fc.option(interval, { nil: undefined }), { minLength: 7, maxLength: 7 }),
        fc.integer({ min: at('2026-01-01T00:00:00Z'), max: at('2027-01-01T00:00:00Z') }),
        (zone, days, t) => {
          const [monday, tuesday, wednesday, thursday, friday, saturday, sunday] = days.map((d) => (d ? [d] : []));
          const schedule = hours(zone, { monday, tuesday, wednesday, thursday, friday, saturday, sunday });
          const next = nextOpening(schedule, t);
          if (days.every((d) => d === undefined)) return next === null;
          if (next === null) return false;
          if (next < t || !isOpenAt(schedule, next)) return false;
          for (let probe = t; probe < next; probe += 29 * 60_000) if (isOpenAt(schedule, probe)) return false;
          return next === t || !isOpenAt(schedule, next - 1_000);
        }
      ),
      { numRuns: 200 }
    );
  });

  it('H1: the closed message names the next opening', () => {
    const text = openingText(at('2026-03-30T07:00:00Z'), 'Europe/Berlin');
    expect(text).toBe('on Monday 30 March at 09:00 CEST');
    expect(renderClosedMessage(DEFAULT_CLOSED_MESSAGE, text)).toBe(
      'We are closed right now and back on Monday 30 March at 09:00 CEST. Leave a request and we will follow up on it.'
    );
    expect(openingText(null, 'UTC')).toBe('later');
  });
});
