/**
 * Jira's checks on field values, with its messages, shared by edit and create. Each returns the
 * value to store or an error message for the field (collected into `errors` by the caller, since
 * Jira reports every bad field of a request at once).
 */
import { AdfDocSchema, adfStoredLength, textToAdf, type AdfDoc } from './adf';
import type { Project } from './site-model';
import type { SiteState } from './site-state';
import { hasProjectPermission } from './permissions';

export type Checked<T> = { ok: true; value: T } | { ok: false; message: string };

const ok = <T>(value: T): Checked<T> => ({ ok: true, value });
const fail = <T>(message: string): Checked<T> => ({ ok: false, message });

export const TEXT_LIMIT = 32767;
const TOO_LONG = 'The entered text is too long. It exceeds the allowed limit of 32,767 characters.';

export function checkSummary(value: unknown): Checked<string> {
  if (typeof value !== 'string' || value.trim() === '') return fail('You must specify a summary of the issue.');
  if (value.includes('\n')) return fail('The summary is invalid because it contains newline characters.');
  if (value.length > 255) return fail('Summary must be less than 255 characters.');
  return ok(value);
}

/** v3 takes rich text as ADF only; JSM's request API takes a string unless `isAdfRequest`. */
export function checkDescription(value: unknown, adf: boolean): Checked<AdfDoc | null> {
  if (value === null) return ok(null);
  if (!adf) {
    if (typeof value !== 'string') return fail('Description must be a string.');
    if (value.length > TEXT_LIMIT) return fail(TOO_LONG);
    return ok(value === '' ? null : textToAdf(value));
  }
  const parsed = AdfDocSchema.safeParse(value);
  if (!parsed.success) return fail('Operation value must be an Atlassian Document (see the Atlassian Document Format)');
  if (adfStoredLength(parsed.data) > TEXT_LIMIT) return fail(TOO_LONG);
  return ok(parsed.data);
}

export function checkLabels(value: unknown): Checked<string[]> {
  if (!Array.isArray(value) || value.some((label) => typeof label !== 'string')) return fail('Labels must be a list of strings.');
  for (const label of value as string[]) {
    if (label.trim() === '') return fail('Labels cannot be empty.');
    if (/\s/.test(label)) return fail(`The label '${label}' contains spaces which is invalid.`);
    if (label.length > 255) return fail(`The label '${label}' exceeds the maximum length for a single label of 255 characters.`);
  }
  return ok([...new Set(value as string[])]);
}

/** An assignee must exist and hold Assignable User in the project (in JSM: its agents). */
export function checkAssignee(state: SiteState, project: Project, accountId: string | null): Checked<string | null> {
  if (accountId === null) return ok(null);
  const user = state.user(accountId);
  if (!user) return fail(`User '${accountId}' does not exist.`);
  if (!hasProjectPermission(state, { kind: 'user', accountId }, project, 'ASSIGNABLE_USER')) {
    return fail(`User '${user.displayName}' cannot be assigned issues.`);
  }
  return ok(accountId);
}

export function checkTeam(state: SiteState, value: unknown): Checked<string | null> {
  if (value === null) return ok(null);
  // The Team field takes the team's id as a string (reads answer an object with id and name).
  const id =
    typeof value === 'string' ? value : typeof value === 'object' && value && 'id' in value ? (value as { id: unknown }).id : undefined;
  if (typeof id !== 'string') return fail('Team value must be the team id.');
  if (!state.teams.has(id)) return fail(`Team with id '${id}' does not exist.`);
  return ok(id);
}

/** `{ accountId }` or null, as user fields are written in v3. */
export function readAccountRef(value: unknown): Checked<string | null> {
  if (value === null) return ok(null);
  if (typeof value === 'object' && value && 'accountId' in value) {
    const id = (value as { accountId: unknown }).accountId;
    if (id === null) return ok(null);
    if (typeof id === 'string') return ok(id);
  }
  return fail('Specify a valid value for the user: { "accountId": "..." }.');
}
