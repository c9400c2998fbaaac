/**
 * Jira's date formats. The platform API writes `2026-11-23T09:00:00.000+0000`; JSM wraps a
 * date as `{ iso8601, jira, friendly, epochMillis }`. The fake site runs in UTC.
 */
export function jiraDateTime(ms: number): string {
  return new Date(ms).toISOString().replace('Z', '+0000');
}

export interface ServiceDeskDate {
  iso8601: string;
  jira: string;
  friendly: string;
  epochMillis: number;
}

export function serviceDeskDate(ms: number, now: number): ServiceDeskDate {
  const date = new Date(ms);
  const time = date.toISOString().slice(11, 16);
  const sameDay = date.toISOString().slice(0, 10) === new Date(now).toISOString().slice(0, 10);
  return {
    iso8601: date.toISOString().replace(/\.\d{3}Z$/, '+0000'),
    jira: jiraDateTime(ms),
    friendly: sameDay ? `Today ${time}` : date.toISOString().slice(0, 10),
    epochMillis: ms
  };
}
