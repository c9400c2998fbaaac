/**
 * Turns an edit request (`fields` to set, `update` operations such as `labels: [{ add }]`) into
 * the field changes to apply, with Jira's messages for every field it cannot take. Only the
 * fields a chat work item's edit screen holds are editable here.
 */
import { fieldErrors } from './jira-errors';
import { TEAM_FIELD_ID } from './field-catalog';
import { checkAssignee, checkDescription, checkLabels, checkSummary, checkTeam, readAccountRef, type Checked } from './field-validation';
import type { FieldChanges } from './issue-edits';
import type { IssueRecord, Project } from './site-model';
import type { SiteState } from './site-state';
import type { z } from 'zod';
import type { EditIssueBody } from './schemas/request-bodies';

const EDITABLE = ['summary', 'description', 'labels', 'assignee', 'reporter', TEAM_FIELD_ID];
const notOnScreen = (id: string) => `Field '${id}' cannot be set. It is not on the appropriate screen, or unknown.`;

type Operation = { add?: unknown; set?: unknown; remove?: unknown; edit?: unknown; copy?: unknown };

/** Folds `update` operations into the value to set, starting from the issue's current value. */
function applyOperations(fieldId: string, current: unknown, operations: Operation[]): Checked<unknown> {
  let value = current;
  for (const op of operations) {
    const verbs = Object.keys(op).filter((k) => op[k as keyof Operation] !== undefined);
    if (verbs.length !== 1) return { ok: false, message: 'Each operation must have exactly one of add, set, remove.' };
    const verb = verbs[0];
    if (verb === 'set') value = op.set;
    else if (fieldId === 'labels' && (verb === 'add' || verb === 'remove')) {
      const labels = Array.isArray(value) ? (value as unknown[]) : [];
      const label = op[verb];
      value = verb === 'add' ? [...labels.filter((l) => l !== label), label] : labels.filter((l) => l !== label);
    } else return { ok: false, message: `Field '${fieldId}' does not support operation '${verb}'.` };
  }
  return { ok: true, value };
}

function currentValue(issue: IssueRecord, fieldId: string): unknown {
  const f = issue.fields;
  if (fieldId === 'assignee' || fieldId === 'reporter') return f[fieldId] ? { accountId: f[fieldId] } : null;
  if (fieldId === TEAM_FIELD_ID) return f.team;
  return f[fieldId as 'summary' | 'description' | 'labels'];
}

export function fieldChangesFromEdit(
  state: SiteState,
  issue: IssueRecord,
  project: Project,
  body: z.infer<typeof EditIssueBody>
): FieldChanges {
  const errors: Record<string, string> = {};
  const values = new Map<string, unknown>(Object.entries(body.fields ?? {}));
  for (const [fieldId, operations] of Object.entries(body.update ?? {})) {
    if (values.has(fieldId)) {
      errors[fieldId] = `Field '${fieldId}' cannot be set in both 'fields' and 'update'.`;
      continue;
    }
    const folded = applyOperations(fieldId, currentValue(issue, fieldId), operations);
    if (folded.ok) values.set(fieldId, folded.value);
    else errors[fieldId] = folded.message;
  }
  const changes: FieldChanges = {};
  const take = <T>(fieldId: string, checked: Checked<T>, put: (v: T) => void) =>
    checked.ok ? put(checked.value) : (errors[fieldId] = checked.message);
  for (const [fieldId, value] of values) {
    if (!EDITABLE.includes(fieldId)) errors[fieldId] = notOnScreen(fieldId);
    else if (fieldId === 'summary') take(fieldId, checkSummary(value), (v) => (changes.summary = v));
    else if (fieldId === 'description') take(fieldId, checkDescription(value, true), (v) => (changes.description = v));
    else if (fieldId === 'labels') take(fieldId, checkLabels(value), (v) => (changes.labels = v));
    else if (fieldId === TEAM_FIELD_ID) take(fieldId, checkTeam(state, value), (v) => (changes.team = v));
    else if (fieldId === 'assignee') {
      const ref = readAccountRef(value);
      take(fieldId, ref.ok ? checkAssignee(state, project, ref.value) : ref, (v) => (changes.assignee = v));
    } else {
      const ref = readAccountRef(value);
      const exists: Checked<string | null> =
        ref.ok && ref.value && !state.user(ref.value) ? { ok: false, message: `User '${ref.value}' does not exist.` } : ref;
      take(fieldId, exists, (v) => (changes.reporter = v));
    }
  }
  if (Object.keys(errors).length > 0) throw fieldErrors(errors);
  return changes;
}
