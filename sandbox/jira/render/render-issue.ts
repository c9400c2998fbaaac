/**
 * An issue as the platform API answers it (`IssueBean`): the requested fields only, the
 * changelog when expanded. Field selection follows Jira: `*all`, `*navigable`, ids, `-id` to drop.
 */
import { FIELDS, ISSUE_FIELD_IDS, PARTICIPANTS_FIELD_ID, REQUEST_TYPE_FIELD_ID, TEAM_FIELD_ID, issueTypeById } from '../field-catalog';
import type { AttachmentRecord, ChangelogRecord, IssueRecord, Project } from '../site-model';
import { SITE_BASE_URL, type SiteState } from '../site-state';
import { renderComment } from './render-comment';
import { jiraDateTime } from './jira-time';
import { renderRequestTypeValue, renderStatus } from './render-request';
import { knownUser, renderUserDetails } from './render-user';

export type FieldFilter = (fieldId: string) => boolean;

/** Parses `fields` as Jira does: comma lists, repeatable, `*all` / `*navigable`, `-field` excludes. */
export function fieldFilter(values: string[], whenEmpty: '*all' | 'id'): FieldFilter {
  const tokens = values
    .flatMap((v) => v.split(','))
    .map((t) => t.trim())
    .filter(Boolean);
  const wanted = tokens.length > 0 ? tokens : [whenEmpty];
  const excluded = new Set(wanted.filter((t) => t.startsWith('-')).map((t) => t.slice(1)));
  const included = wanted.filter((t) => !t.startsWith('-'));
  const all = included.includes('*all');
  // A list of only exclusions means "the default set minus these".
  const navigable = included.includes('*navigable') || (included.length === 0 && excluded.size > 0);
  const named = new Set(included);
  return (fieldId) => {
    if (excluded.has(fieldId)) return false;
    if (all || named.has(fieldId)) return true;
    return navigable && FIELDS.some((f) => f.id === fieldId && f.navigable);
  };
}

export function issueSelf(issue: IssueRecord): string {
  return `${SITE_BASE_URL}/rest/api/3/issue/${issue.id}`;
}

export function renderProjectRef(project: Project) {
  return {
    self: `${SITE_BASE_URL}/rest/api/3/project/${project.id}`,
    id: project.id,
    key: project.key,
    name: project.name,
    projectTypeKey: project.projectTypeKey,
    simplified: false
  };
}

function renderIssueType(issue: IssueRecord) {
  const type = issueTypeById(issue.issueTypeId);
  return {
    self: `${SITE_BASE_URL}/rest/api/3/issuetype/${type.id}`,
    id: type.id,
    description: type.description,
    iconUrl: `${SITE_BASE_URL}/rest/api/2/universal_avatar/view/type/issuetype/avatar/10553?size=medium`,
    name: type.name,
    subtask: false,
    hierarchyLevel: 0
  };
}

function renderTeam(state: SiteState, teamId: string | null) {
  if (!teamId) return null;
  const team = state.teams.get(teamId);
  return {
    id: teamId,
    name: team?.displayName ?? teamId,
    title: team?.displayName ?? teamId,
    isVisible: true,
    isVerified: false,
    isShared: true
  };
}

function fieldValue(state: SiteState, issue: IssueRecord, project: Project, fieldId: string, now: number): unknown {
  const f = issue.fields;
  const user = (id: string | null) => (id ? renderUserDetails(knownUser(state, id)) : null);
  switch (fieldId) {
    case 'summary':
      return f.summary;
    case 'description':
      return f.description;
    case 'labels':
      return [...f.labels];
    case 'assignee':
      return user(f.assignee);
    case 'reporter':
      return user(f.reporter);
    case 'creator':
      return user(f.creator);
    case 'status':
      return renderStatus(f.statusId);
    case 'project':
      return renderProjectRef(project);
    case 'issuetype':
      return renderIssueType(issue);
    case 'created':
      return jiraDateTime(issue.created);
    case 'updated':
      return jiraDateTime(issue.updated);
    case 'comment':
      return {
        comments: issue.comments.map((c) => renderComment(state, issue, c)),
        self: `${issueSelf(issue)}/comment`,
        maxResults: issue.comments.length,
        total: issue.comments.length,
        startAt: 0
      };
    case 'attachment':
      return (issue.attachments ?? []).map((a) => renderAttachment(state, a));
    case TEAM_FIELD_ID:
      return renderTeam(state, f.team);
    case REQUEST_TYPE_FIELD_ID:
      return renderRequestTypeValue(state, issue, project, now);
    case PARTICIPANTS_FIELD_ID:
      return issue.participants.map((id) => renderUserDetails(knownUser(state, id)));
    default:
      return undefined;
  }
}

export function renderChangelogEntry(state: SiteState, entry: ChangelogRecord) {
  return {
    id: entry.id,
    author: renderUserDetails(knownUser(state, entry.authorId)),
    created: jiraDateTime(entry.created),
    items: entry.items.map((item) => ({ ...item }))
  };
}

export interface IssueRenderOptions {
  fields: FieldFilter;
  expand: Set<string>;
  now: number;
}

export function renderIssue(state: SiteState, issue: IssueRecord, project: Project, options: IssueRenderOptions) {
  const fields: Record<string, unknown> = {};
  for (const id of ISSUE_FIELD_IDS) if (options.fields(id)) fields[id] = fieldValue(state, issue, project, id, options.now);
  const histories = [...issue.changelog].reverse().map((entry) => renderChangelogEntry(state, entry));
  return {
    expand: 'renderedFields,names,schema,operations,editmeta,changelog,versionedRepresentations',
    id: issue.id,
    self: issueSelf(issue),
    key: issue.key,
    ...(options.expand.has('names')
      ? { names: Object.fromEntries(Object.keys(fields).map((id) => [id, FIELDS.find((f) => f.id === id)?.name ?? id])) }
      : {}),
    ...(options.expand.has('changelog')
      ? { changelog: { startAt: 0, maxResults: histories.length, total: histories.length, histories } }
      : {}),
    fields
  };
}

/** jira.js `Attachment`: what `POST /issue/{key}/attachments` answers and the `attachment` field lists. */
export function renderAttachment(state: SiteState, attachment: AttachmentRecord) {
  return {
    self: `${SITE_BASE_URL}/rest/api/3/attachment/${attachment.id}`,
    id: attachment.id,
    filename: attachment.filename,
    author: renderUserDetails(knownUser(state, attachment.authorId)),
    created: jiraDateTime(attachment.created),
    size: attachment.size,
    mimeType: attachment.mimeType,
    content: `${SITE_BASE_URL}/rest/api/3/attachment/content/${attachment.id}`,
    ...(attachment.mimeType.startsWith('image/') ? { thumbnail: `${SITE_BASE_URL}/rest/api/3/attachment/thumbnail/${attachment.id}` } : {})
  };
}
