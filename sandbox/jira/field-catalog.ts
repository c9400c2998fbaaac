/**
 * The site's fixed configuration: statuses of the JSM service-request workflow, issue types and
 * the fields `GET /rest/api/3/field` lists. Ids follow a fresh JSM Cloud site; the Team field is a
 * custom field whose id differs per site, which is why the app must look it up by its schema.
 */
export const TEAM_FIELD_ID = 'customfield_10001';
export const REQUEST_TYPE_FIELD_ID = 'customfield_10010';
export const PARTICIPANTS_FIELD_ID = 'customfield_10026';
/**
 * The Team field's type key differs between sources: Atlassian's Teams docs give the first
 * (https://developer.atlassian.com/platform/teams/components/team-field-in-jira-rest-api), sites
 * have also been seen listing the second. A site shows one (`jira.setTeamFieldType`); the app
 * must find the field by either.
 */
export const TEAM_FIELD_TYPES = {
  teams: 'com.atlassian.teams:rm-teams-custom-field-team',
  system: 'com.atlassian.jira.plugin.system.customfieldtypes:atlassian-team'
} as const;
export type TeamFieldType = (typeof TEAM_FIELD_TYPES)[keyof typeof TEAM_FIELD_TYPES];
/** What the sandbox's site lists unless told otherwise: the documented key. */
export const TEAM_FIELD_TYPE: TeamFieldType = TEAM_FIELD_TYPES.teams;

export type StatusCategoryKey = 'new' | 'indeterminate' | 'done';

export interface StatusDef {
  id: string;
  name: string;
  category: StatusCategoryKey;
}

export const STATUS_CATEGORIES: Record<StatusCategoryKey, { id: number; name: string; colorName: string }> = {
  new: { id: 2, name: 'To Do', colorName: 'blue-gray' },
  indeterminate: { id: 4, name: 'In Progress', colorName: 'yellow' },
  done: { id: 3, name: 'Done', colorName: 'green' }
};

export const STATUSES: StatusDef[] = [
  { id: '10001', name: 'Waiting for support', category: 'new' },
  { id: '10002', name: 'Waiting for customer', category: 'indeterminate' },
  { id: '3', name: 'In Progress', category: 'indeterminate' },
  { id: '10003', name: 'Resolved', category: 'done' }
];

export const INITIAL_STATUS_ID = '10001';

export function statusById(id: string): StatusDef {
  const status = STATUSES.find((s) => s.id === id);
  if (!status) throw new Error(`unknown status ${id}`);
  return status;
}

export interface IssueTypeDef {
  id: string;
  name: string;
  description: string;
}

export const ISSUE_TYPES: IssueTypeDef[] = [
  { id: '10003', name: '[System] Service request', description: 'Created by Jira Service Management.' },
  { id: '10004', name: '[System] Incident', description: 'For system outages or incidents.' }
];

export function issueTypeById(id: string): IssueTypeDef {
  const type = ISSUE_TYPES.find((t) => t.id === id);
  if (!type) throw new Error(`unknown issue type ${id}`);
  return type;
}

export interface FieldDef {
  id: string;
  name: string;
  custom: boolean;
  navigable: boolean;
  orderable: boolean;
  searchable: boolean;
  clauseNames: string[];
  schema?: { type: string; items?: string; system?: string; custom?: string; customId?: number };
}

function system(id: string, name: string, type: string, extra: Partial<FieldDef> = {}, items?: string): FieldDef {
  return {
    id,
    name,
    custom: false,
    navigable: true,
    orderable: true,
    searchable: true,
    clauseNames: [id],
    schema: { type, ...(items ? { items } : {}), system: id },
    ...extra
  };
}

function custom(id: string, name: string, type: string, customType: string, items?: string): FieldDef {
  const customId = Number(id.replace('customfield_', ''));
  return {
    id,
    name,
    custom: true,
    navigable: true,
    orderable: true,
    searchable: true,
    clauseNames: [`cf[${customId}]`, name],
    schema: { type, ...(items ? { items } : {}), custom: customType, customId }
  };
}

export const FIELDS: FieldDef[] = [
  system('summary', 'Summary', 'string'),
  system('description', 'Description', 'string'),
  system('labels', 'Labels', 'array', {}, 'string'),
  system('assignee', 'Assignee', 'user'),
  system('reporter', 'Reporter', 'user'),
  system('creator', 'Creator', 'user', { orderable: false }),
  system('status', 'Status', 'status', { orderable: false }),
  system('project', 'Project', 'project', { orderable: false }),
  system('issuetype', 'Issue Type', 'issuetype', { clauseNames: ['issuetype', 'type'] }),
  system('created', 'Created', 'datetime', { orderable: false, clauseNames: ['created', 'createdDate'] }),
  system('updated', 'Updated', 'datetime', { orderable: false, clauseNames: ['updated', 'updatedDate'] }),
  system('comment', 'Comment', 'comments-page', { navigable: false }),
  system('attachment', 'Attachment', 'array', { orderable: false }, 'attachment'),
  {
    id: 'issuekey',
    name: 'Key',
    custom: false,
    navigable: true,
    orderable: false,
    searchable: false,
    clauseNames: ['id', 'issue', 'issuekey', 'key']
  },
  custom(TEAM_FIELD_ID, 'Team', 'team', TEAM_FIELD_TYPE),
  custom(REQUEST_TYPE_FIELD_ID, 'Request Type', 'sd-customerrequesttype', 'com.atlassian.servicedesk:vp-origin'),
  custom(PARTICIPANTS_FIELD_ID, 'Request participants', 'array', 'com.atlassian.servicedesk:sd-request-participants', 'user')
];

/** `GET /rest/api/3/field` of a site whose Team field has the type key `teamFieldType`. */
export function listedFields(teamFieldType: TeamFieldType): FieldDef[] {
  return FIELDS.map((f) => (f.id === TEAM_FIELD_ID ? custom(TEAM_FIELD_ID, 'Team', 'team', teamFieldType) : f));
}

/** Fields an issue response can carry: `*navigable` is these minus the non-navigable ones. */
export const ISSUE_FIELD_IDS = FIELDS.filter((f) => f.id !== 'issuekey').map((f) => f.id);
