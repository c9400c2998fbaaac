/**
 * Applies a validated set of field changes to an issue and records what changed in the
 * changelog, item by item in Jira's `{ field, fieldtype, fieldId, from, fromString, to,
 * toString }` form. Only real changes are recorded; an edit that changes nothing leaves no entry
 * and sends no event, as in Jira.
 */
import { adfToText, type AdfDoc } from './adf';
import { TEAM_FIELD_ID, statusById } from './field-catalog';
import type { ChangeItem, ChangelogRecord, IssueFields, IssueRecord } from './site-model';
import type { SiteState } from './site-state';

export type FieldChanges = Partial<Pick<IssueFields, 'summary' | 'description' | 'labels' | 'assignee' | 'reporter' | 'team' | 'statusId'>>;

function userItem(state: SiteState, field: 'assignee' | 'reporter', from: string | null, to: string | null): ChangeItem {
  const name = (id: string | null) => (id ? (state.user(id)?.displayName ?? id) : null);
  return { field, fieldtype: 'jira', fieldId: field, from, fromString: name(from), to, toString: name(to) };
}

function textItem(field: string, from: string | null, to: string | null): ChangeItem {
  return { field, fieldtype: 'jira', fieldId: field, from: null, fromString: from, to: null, toString: to };
}

const docText = (doc: AdfDoc | null) => (doc ? adfToText(doc) : null);

function changeItems(state: SiteState, before: IssueFields, changes: FieldChanges): ChangeItem[] {
  const items: ChangeItem[] = [];
  if (changes.summary !== undefined && changes.summary !== before.summary) items.push(textItem('summary', before.summary, changes.summary));
  if (changes.description !== undefined && JSON.stringify(changes.description) !== JSON.stringify(before.description)) {
    items.push(textItem('description', docText(before.description), docText(changes.description)));
  }
  if (changes.labels !== undefined && changes.labels.join(' ') !== before.labels.join(' ')) {
    // Jira lists labels space-separated in the changelog (labels cannot contain spaces).
    items.push(textItem('labels', before.labels.join(' ') || null, changes.labels.join(' ') || null));
  }
  if (changes.assignee !== undefined && changes.assignee !== before.assignee)
    items.push(userItem(state, 'assignee', before.assignee, changes.assignee));
  if (changes.reporter !== undefined && changes.reporter !== before.reporter)
    items.push(userItem(state, 'reporter', before.reporter, changes.reporter));
  if (changes.team !== undefined && changes.team !== before.team) {
    const name = (id: string | null) => (id ? (state.teams.get(id)?.displayName ?? id) : null);
    items.push({
      field: 'Team',
      fieldtype: 'custom',
      fieldId: TEAM_FIELD_ID,
      from: before.team,
      fromString: name(before.team),
      to: changes.team,
      toString: name(changes.team)
    });
  }
  if (changes.statusId !== undefined && changes.statusId !== before.statusId) {
    items.push({
      field: 'status',
      fieldtype: 'jira',
      fieldId: 'status',
      from: before.statusId,
      fromString: statusById(before.statusId).name,
      to: changes.statusId,
      toString: statusById(changes.statusId).name
    });
  }
  return items;
}

/** Returns the changelog entry written, or null when nothing changed. */
export function applyEdit(
  state: SiteState,
  issue: IssueRecord,
  actorId: string,
  changes: FieldChanges,
  now: number
): ChangelogRecord | null {
  const items = changeItems(state, issue.fields, changes);
  if (items.length === 0) return null;
  const defined = Object.fromEntries(Object.entries(changes).filter(([, v]) => v !== undefined)) as FieldChanges;
  issue.fields = { ...issue.fields, ...defined, labels: defined.labels ? [...defined.labels] : issue.fields.labels };
  issue.updated = now;
  const entry: ChangelogRecord = { id: state.nextChangelogId(), authorId: actorId, created: now, items };
  issue.changelog.push(entry);
  return entry;
}
