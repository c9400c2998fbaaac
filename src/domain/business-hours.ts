/**
 * H1–H3 (README, "Operations beyond PRODUCT.md"): a space's business hours, decided with time
 * as input. The schedule is wall-clock time in the space's IANA time zone, so it follows the
 * zone's daylight-saving changes: 09:00 is 09:00 local on both sides of a change. Local time
 * comes from the runtime's own `Intl` time zone data (no library: Node and every browser carry
 * the IANA database).
 */

export const WEEKDAYS = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

/** One opening interval of a day, in local wall-clock time: `HH:MM`, the end after the start (`24:00` for midnight). */
export interface OpeningInterval {
  readonly start: string;
  readonly end: string;
}

export interface BusinessHours {
  /** IANA time zone name, e.g. `Europe/Berlin`. */
  readonly timeZone: string;
  /** The weekly schedule: zero or more intervals a day (a day with none is closed). */
  readonly week: Readonly<Record<Weekday, readonly OpeningInterval[]>>;
  /** Closed all day on these dates (`YYYY-MM-DD`, in the space's time zone). */
  readonly holidays: readonly string[];
  /** What the widget shows when closed; `{opening}` becomes the next opening. */
  readonly closedMessage: string;
}

export const OPENING_PLACEHOLDER = '{opening}';

export const DEFAULT_CLOSED_MESSAGE = 'We are closed right now and back {opening}. Leave a request and we will follow up on it.';

const MINUTE = 60_000;
const DAY = 86_400_000;
/** How far ahead the next opening is looked for: a year and a week covers any list of holidays. */
const HORIZON_DAYS = 373;

interface LocalTime {
  /** The local date, `YYYY-MM-DD`. */
  readonly date: string;
  /** 0 = Monday. */
  readonly weekday: number;
  /** Minutes since local midnight. */
  readonly minute: number;
  /** The local wall-clock time read as if it were UTC (epoch ms, whole seconds). */
  readonly wall: number;
}

const formats = new Map<string, Intl.DateTimeFormat>();

function formatOf(timeZone: string): Intl.DateTimeFormat {
  let format = formats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit'
    });
    formats.set(timeZone, format);
  }
  return format;
}

/** The wall-clock time at instant `t` in `timeZone`. */
export function localTime(timeZone: string, t: number): LocalTime {
  const parts: Record<string, number> = {};
  for (const part of formatOf(timeZone).formatToParts(new Date(t))) {
    if (part.type !== 'literal') parts[part.type] = Number(part.value);
  }
  const wall = Date.UTC(parts.year, parts.month - 1, parts.day, parts.hour, parts.minute, parts.second);
  const midnight = Date.UTC(parts.year, parts.month - 1, parts.day);
  return {
    date: new Date(midnight).toISOString().slice(0, 10),
    weekday: (new Date(midnight).getUTCDay() + 6) % 7,
    minute: parts.hour * 60 + parts.minute,
    wall
  };
}

/** `HH:MM` as minutes since midnight. */
export function minuteOfDay(time: string): number {
  const [hours, minutes] = time.split(':').map(Number);
  return hours * 60 + minutes;
}

/** H1: open at instant `t`: not a holiday, and the local time is inside one of the day's intervals. */
export function isOpenAt(hours: BusinessHours, t: number): boolean {
  const local = localTime(hours.timeZone, t);
  if (hours.holidays.includes(local.date)) return false;
  return hours.week[WEEKDAYS[local.weekday]].some(
    (interval) => minuteOfDay(interval.start) <= local.minute && local.minute < minuteOfDay(interval.end)
  );
}

/**
 * H1: the first instant at or after `t` when the space is open (`t` itself when open now); null
 * when the schedule never opens within a year. An opening whose local time does not exist
 * (inside a spring-forward gap) is the end of the gap; one that happens twice (fall-back) is
 * the earlier.
 */
export function nextOpening(hours: BusinessHours, t: number): number | null {
  if (isOpenAt(hours, t)) return t;
  const today = localTime(hours.timeZone, t);
  const midnight = today.wall - (today.wall % DAY);
  for (let day = 0; day < HORIZON_DAYS; day++) {
    const dayStart = midnight + day * DAY;
    const date = new Date(dayStart).toISOString().slice(0, 10);
    if (hours.holidays.includes(date)) continue;
    const weekday = WEEKDAYS[(new Date(dayStart).getUTCDay() + 6) % 7];
    const starts = hours.week[weekday].map((interval) => minuteOfDay(interval.start)).sort((a, b) => a - b);
    for (const start of starts) {
      const at = instantOfWall(hours.timeZone, dayStart + start * MINUTE);
      if (at > t && isOpenAt(hours, at)) return at;
    }
  }
  return null;
}

/** The instant whose wall-clock time in `timeZone` is `wall` (a local time read as UTC); see nextOpening for gaps and repeats. */
export function instantOfWall(timeZone: string, wall: number): number {
  const offsets = [wall - DAY, wall + DAY].map((t) => localTime(timeZone, t).wall - t);
  const candidates = offsets.map((offset) => wall - offset).sort((a, b) => a - b);
  const exact = candidates.find((t) => localTime(timeZone, t).wall === wall);
  if (exact !== undefined) return exact;
  // In a gap: the first instant whose local time is past `wall` (the moment the clocks jump).
  let [before, after] = candidates;
  while (after - before > 1_000) {
    const middle = before + Math.floor((after - before) / 2_000) * 1_000;
    if (localTime(timeZone, middle).wall < wall) before = middle;
    else after = middle;
  }
  return after;
}

/** The closed message with its `{opening}` filled in (`opening`: the next opening as the reader's text). */
export function renderClosedMessage(template: string, opening: string): string {
  return template.split(OPENING_PLACEHOLDER).join(opening);
}

/**
 * The next opening as text in a time zone and locale (the space's, where the customer's are
 * unknown: the Rovo action's answer). The widget formats the same instant in the customer's own.
 */
export function openingText(at: number | null, timeZone: string, locale = 'en-GB'): string {
  if (at === null) return 'later';
  const when = new Intl.DateTimeFormat(locale, {
    timeZone,
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    hour: '2-digit',
    minute: '2-digit',
    timeZoneName: 'short'
  });
  return `on ${when.format(new Date(at))}`;
}
