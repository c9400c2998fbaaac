/**
 * What the widget says outside business hours (H1) and while waiting (W1), as pure functions.
 * The next opening is worded in the customer's own locale and time zone: the backend sends an
 * instant, never a text in the space's zone.
 */
import type { OperationResult } from '../../../src/contract/operations';

export type ClosedNotice = NonNullable<OperationResult<'widget.status'>['closed']>;
export type WaitEstimate = NonNullable<OperationResult<'chat.get'>['waitEstimate']>;

const OPENING = '{opening}';

/** "on Monday 30 March at 09:00 CEST" in the customer's locale and zone; "soon" when the schedule gives no opening. */
export function openingText(at: number | null, locale?: string, timeZone?: string): string {
  if (at === null) return 'later';
  const format = (zone: string | undefined) =>
    new Intl.DateTimeFormat(locale, {
      ...(zone ? { timeZone: zone } : {}),
      weekday: 'long',
      day: 'numeric',
      month: 'long',
      hour: '2-digit',
      minute: '2-digit',
      timeZoneName: 'short'
    }).format(new Date(at));
  try {
    return `on ${format(timeZone)}`;
  } catch {
    return `on ${format(undefined)}`; // a zone this browser does not know: its own
  }
}

/** The space's closed message with `{opening}` filled in for this customer. */
export function closedMessage(notice: ClosedNotice, locale?: string, timeZone?: string): string {
  return notice.message.split(OPENING).join(openingText(notice.nextOpeningAt, locale, timeZone));
}

/** W1: a range, never a promise. */
export function waitEstimateText(estimate: WaitEstimate): string {
  if (estimate.minMinutes >= 60) return 'The wait is likely more than an hour.';
  return `The wait is about ${estimate.minMinutes}–${estimate.maxMinutes} minutes (an estimate, not a promise).`;
}
