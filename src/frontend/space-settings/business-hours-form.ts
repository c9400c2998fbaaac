/**
 * The business hours form (H1), as pure functions: a day's opening times as one line of text
 * ("09:00-12:00, 13:00-17:00"), holidays as a list of dates, and what "Save" sends. The ranges
 * and formats are the backend's to judge (its errors name `businessHours.week.monday`, ...).
 */
import type { BusinessHours, OpeningInterval, Weekday } from '../../domain';

export const DAYS: readonly { readonly day: Weekday; readonly label: string }[] = [
  { day: 'monday', label: 'Monday' },
  { day: 'tuesday', label: 'Tuesday' },
  { day: 'wednesday', label: 'Wednesday' },
  { day: 'thursday', label: 'Thursday' },
  { day: 'friday', label: 'Friday' },
  { day: 'saturday', label: 'Saturday' },
  { day: 'sunday', label: 'Sunday' }
];

export const EXAMPLE_CLOSED_MESSAGE = 'We are closed right now and back {opening}. Leave a request and we will follow up on it.';

export interface BusinessHoursForm {
  readonly on: boolean;
  readonly timeZone: string;
  readonly days: Readonly<Record<Weekday, string>>;
  readonly holidays: string;
  readonly closedMessage: string;
}

const WEEKDAYS_NINE_TO_FIVE = '09:00-17:00';

export function formFromHours(hours: BusinessHours | null | undefined, defaultZone = 'UTC'): BusinessHoursForm {
  if (!hours) {
    const days = Object.fromEntries(DAYS.map(({ day }) => [day, day === 'saturday' || day === 'sunday' ? '' : WEEKDAYS_NINE_TO_FIVE]));
    return { on: false, timeZone: defaultZone, days: days as Record<Weekday, string>, holidays: '', closedMessage: EXAMPLE_CLOSED_MESSAGE };
  }
  const days = Object.fromEntries(DAYS.map(({ day }) => [day, (hours.week[day] ?? []).map((i) => `${i.start}-${i.end}`).join(', ')]));
  return {
    on: true,
    timeZone: hours.timeZone,
    days: days as Record<Weekday, string>,
    holidays: hours.holidays.join(', '),
    closedMessage: hours.closedMessage
  };
}

const pieces = (text: string) =>
  text
    .split(/[,;\n]/)
    .map((piece) => piece.trim())
    .filter((piece) => piece !== '');

/** "09:00-12:00, 13:00 – 17:00" → intervals; a piece that is not "A-B" is sent as it is, for the backend to name. */
export function intervalsOf(text: string): OpeningInterval[] {
  return pieces(text).map((piece) => {
    const [start = '', end = ''] = piece.split(/\s*[-–—]\s*/);
    return { start, end };
  });
}

/** What "Save" sends: the whole value, or null when business hours are off (always open). */
export function hoursFromForm(form: BusinessHoursForm): BusinessHours | null {
  if (!form.on) return null;
  const week = Object.fromEntries(DAYS.map(({ day }) => [day, intervalsOf(form.days[day])])) as unknown as BusinessHours['week'];
  return { timeZone: form.timeZone.trim(), week, holidays: pieces(form.holidays), closedMessage: form.closedMessage };
}
