import { isSpaceOpen, nextOpening, openingText, renderClosedMessage } from '../../domain';
import type { SpaceRecord } from '../ports/space-directory';

/** H1: what the widget shows outside business hours: the space's message and the next opening (the widget words it in the customer's locale and zone). */
export interface ClosedNotice {
  /** The space's closed message, `{opening}` left in for the widget to fill. */
  readonly message: string;
  /** Epoch ms; null when the schedule does not open within a year. */
  readonly nextOpeningAt: number | null;
  /** The space's zone, in which the server words the same message (the Rovo action's answer). */
  readonly timeZone: string;
}

/** Null inside business hours (or without any). */
export function closedNotice(space: SpaceRecord, now: number): ClosedNotice | null {
  const hours = space.config.settings.businessHours;
  if (!hours || isSpaceOpen(space.config, now)) return null;
  return { message: hours.closedMessage, nextOpeningAt: nextOpening(hours, now), timeZone: hours.timeZone };
}

/** The closed message as the server words it, in the space's zone (the Rovo action's answer, an error's message). */
export function closedText(notice: ClosedNotice): string {
  return renderClosedMessage(notice.message, openingText(notice.nextOpeningAt, notice.timeZone));
}
