/** Time as the pages show it. Pure: the clock is always an argument. */

/** Whole seconds left until `deadline` (never negative). */
export function secondsLeft(deadline: number, now: number): number {
  return Math.max(0, Math.ceil((deadline - now) / 1000));
}

/** "1:05", "0:09", "1:00:00": a countdown to `deadline`. */
export function formatCountdown(deadline: number, now: number): string {
  const total = secondsLeft(deadline, now);
  const hours = Math.floor(total / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const seconds = String(total % 60).padStart(2, '0');
  return hours > 0 ? `${hours}:${String(minutes).padStart(2, '0')}:${seconds}` : `${minutes}:${seconds}`;
}

/** The same countdown in words, for screen readers: "1 minute 5 seconds left". */
export function describeCountdown(deadline: number, now: number): string {
  const total = secondsLeft(deadline, now);
  if (total === 0) return 'Expired';
  const minutes = Math.floor(total / 60);
  const seconds = total % 60;
  const parts = [minutes > 0 ? plural(minutes, 'minute') : '', seconds > 0 ? plural(seconds, 'second') : ''].filter(Boolean);
  return `${parts.join(' ')} left`;
}

/** "14:05" in the reader's locale and time zone (both optional: the runtime's default). */
export function formatClock(at: number, locale?: string, timeZone?: string): string {
  try {
    return new Intl.DateTimeFormat(locale, { hour: '2-digit', minute: '2-digit', timeZone }).format(at);
  } catch {
    // An unknown locale or zone from the context must not break the transcript.
    return new Intl.DateTimeFormat(undefined, { hour: '2-digit', minute: '2-digit' }).format(at);
  }
}

/** A day and a time, for things further back than today (History's ended chats). */
export function formatDateTime(at: number, locale?: string, timeZone?: string): string {
  const options: Intl.DateTimeFormatOptions = { day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' };
  try {
    return new Intl.DateTimeFormat(locale, { ...options, timeZone }).format(at);
  } catch {
    return new Intl.DateTimeFormat(undefined, options).format(at);
  }
}

export function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}
