import { WEEKDAYS, minuteOfDay, type BusinessHours, type OpeningInterval } from './business-hours';
import type { FieldError } from './result';

export const BUSINESS_HOURS_LIMITS = {
  intervalsPerDay: 6,
  holidays: 100,
  closedMessageChars: 500
} as const;

const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;
/** IANA names (Area/Location, or UTC): offsets like `+01:00` and abbreviations like `CET` are refused, they have no DST rules of a place. */
const ZONE_NAME = /^(UTC|[A-Z][A-Za-z_]+(\/[A-Za-z0-9_+-]+)+)$/;

/** An IANA time zone name the runtime knows. */
export function isTimeZone(value: unknown): value is string {
  if (typeof value !== 'string' || !ZONE_NAME.test(value)) return false;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: value });
    return true;
  } catch {
    return false; // RangeError: unknown time zone
  }
}

function isDate(value: unknown): value is string {
  if (typeof value !== 'string' || !DATE.test(value)) return false;
  const parsed = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(parsed.getTime()) && parsed.toISOString().startsWith(value);
}

const isTime = (value: unknown, end: boolean): boolean => typeof value === 'string' && (TIME.test(value) || (end && value === '24:00'));

function dayErrors(day: string, intervals: unknown): FieldError[] {
  const field = `businessHours.week.${day}`;
  const label = day[0].toUpperCase() + day.slice(1);
  const shape = `${label} must be a list of up to ${BUSINESS_HOURS_LIMITS.intervalsPerDay} opening times, each from HH:MM to HH:MM (24-hour, the end after the start)`;
  if (!Array.isArray(intervals) || intervals.length > BUSINESS_HOURS_LIMITS.intervalsPerDay) return [{ field, message: shape }];
  const valid = intervals.every(
    (i: Partial<OpeningInterval> | null) =>
      typeof i === 'object' &&
      i !== null &&
      isTime(i.start, false) &&
      isTime(i.end, true) &&
      minuteOfDay(i.end as string) > minuteOfDay(i.start as string)
  );
  if (!valid) return [{ field, message: shape }];
  const sorted = [...(intervals as OpeningInterval[])].sort((a, b) => minuteOfDay(a.start) - minuteOfDay(b.start));
  const overlaps = sorted.some((interval, i) => i > 0 && minuteOfDay(interval.start) < minuteOfDay(sorted[i - 1].end));
  return overlaps ? [{ field, message: `${label}'s opening times must not overlap` }] : [];
}

/**
 * H1: validates a whole business hours value (or null: always open). Every invalid part is named
 * (`businessHours.timeZone`, `businessHours.week.monday`, `businessHours.holidays`,
 * `businessHours.closedMessage`), so the page can show each error at its field.
 */
export function businessHoursErrors(value: unknown): FieldError[] {
  if (value === null) return [];
  if (typeof value !== 'object' || Array.isArray(value)) {
    return [
      { field: 'businessHours', message: 'Business hours must be a time zone, a weekly schedule, holidays and a closed message, or none' }
    ];
  }
  const hours = value as Partial<Record<keyof BusinessHours, unknown>>;
  const errors: FieldError[] = [];
  const unknownKeys = Object.keys(hours).filter((key) => !['timeZone', 'week', 'holidays', 'closedMessage'].includes(key));
  if (unknownKeys.length > 0) errors.push({ field: 'businessHours', message: `Business hours have no setting ${unknownKeys.join(', ')}` });
  if (!isTimeZone(hours.timeZone)) {
    errors.push({ field: 'businessHours.timeZone', message: 'Time zone must be an IANA time zone name, such as Europe/Berlin' });
  }
  const week = hours.week;
  if (
    typeof week !== 'object' ||
    week === null ||
    Array.isArray(week) ||
    Object.keys(week).some((d) => !(WEEKDAYS as readonly string[]).includes(d))
  ) {
    errors.push({ field: 'businessHours.week', message: 'Weekly schedule must give the opening times of Monday to Sunday' });
  } else {
    const days = week as Record<string, unknown>;
    for (const day of WEEKDAYS) errors.push(...dayErrors(day, days[day] ?? []));
    if (WEEKDAYS.every((day) => Array.isArray(days[day]) && (days[day] as unknown[]).length === 0)) {
      errors.push({ field: 'businessHours.week', message: 'Weekly schedule must open at least once a week (or turn business hours off)' });
    }
  }
  const holidays = hours.holidays;
  if (
    !Array.isArray(holidays) ||
    holidays.length > BUSINESS_HOURS_LIMITS.holidays ||
    !holidays.every(isDate) ||
    new Set(holidays).size !== holidays.length
  ) {
    errors.push({
      field: 'businessHours.holidays',
      message: `Holidays must be up to ${BUSINESS_HOURS_LIMITS.holidays} different dates, each as YYYY-MM-DD`
    });
  }
  const message = hours.closedMessage;
  if (typeof message !== 'string' || message.trim().length === 0 || [...message].length > BUSINESS_HOURS_LIMITS.closedMessageChars) {
    errors.push({ field: 'businessHours.closedMessage', message: 'Closed message must be between 1 and 500 characters' });
  }
  return errors;
}

/** The value as stored: every day present, intervals in order (validated first). */
export function normalBusinessHours(hours: BusinessHours): BusinessHours {
  const week = Object.fromEntries(
    WEEKDAYS.map((day) => [
      day,
      [...(hours.week[day] ?? [])].map(({ start, end }) => ({ start, end })).sort((a, b) => minuteOfDay(a.start) - minuteOfDay(b.start))
    ])
  ) as unknown as BusinessHours['week'];
  return { timeZone: hours.timeZone, week, holidays: [...hours.holidays].sort(), closedMessage: hours.closedMessage };
}
