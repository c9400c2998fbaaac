/**
 * The platform API's answers, as zod schemas written from the Jira platform OpenAPI document
 * (jira.js 5.4 ships zod schemas for none of them; its TypeScript models are checked against
 * these in jira-js-conformance.ts). Beans the spec closes (`additionalProperties: false`) are
 * strict here, so a misspelt or invented property in an answer fails the tests.
 */
import { z } from 'zod';
import { AdfDocSchema } from '../adf';
import { TEAM_FIELD_ID, REQUEST_TYPE_FIELD_ID, PARTICIPANTS_FIELD_ID } from '../field-catalog';
import { RequestTypeFieldValue } from './servicedesk-responses';

/** `2026-11-23T09:00:00.000+0000` */
export const JiraDateTime = z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}[+-]\d{4}$/);

export const AvatarUrls = z.strictObject({ '16x16': z.string().optional(), '24x24': z.string().optional(), '32x32': z.string().optional(), '48x48': z.string().optional() });

export const UserDetails = z.strictObject({
  self: z.string(), name: z.string().optional(), key: z.string().optional(), accountId: z.string(),
  emailAddress: z.string().optional(), avatarUrls: AvatarUrls, displayName: z.string(), active: z.boolean(),
  timeZone: z.string().optional(), accountType: z.string()
});

export const User = z.strictObject({
  self: z.string(), key: z.string().optional(), accountId: z.string(), accountType: z.enum(['atlassian', 'app', 'customer', 'unknown']),
  name: z.string().optional(), emailAddress: z.string().optional(), avatarUrls: AvatarUrls, displayName: z.string(),
  active: z.boolean(), timeZone: z.string().optional(), locale: z.string().optional(), expand: z.string().optional()
});

export const StatusDetails = z.looseObject({
  self: z.string(), description: z.string(), iconUrl: z.string(), name: z.string(), id: z.string(),
  statusCategory: z.looseObject({ self: z.string(), id: z.number().int(), key: z.string(), colorName: z.string(), name: z.string() })
});

export const IssueTypeDetails = z.strictObject({
  self: z.string(), id: z.string(), description: z.string(), iconUrl: z.string(), name: z.string(), subtask: z.boolean(),
  avatarId: z.number().int().optional(), entityId: z.string().optional(), hierarchyLevel: z.number().int()
});

export const ProjectRef = z.strictObject({
  self: z.string(), id: z.string(), key: z.string(), name: z.string(), projectTypeKey: z.enum(['software', 'service_desk', 'business']),
  simplified: z.boolean(), avatarUrls: AvatarUrls.optional()
});

export const Comment = z.strictObject({
  self: z.string(), id: z.string(), author: UserDetails, body: AdfDocSchema, renderedBody: z.string().optional(), updateAuthor: UserDetails,
  created: JiraDateTime, updated: JiraDateTime, visibility: z.looseObject({}).optional(), jsdPublic: z.boolean(),
  jsdAuthorCanSeeRequest: z.boolean(), properties: z.array(z.strictObject({ key: z.string(), value: z.unknown() })).optional()
});

export const PageOfComments = z.strictObject({ startAt: z.number().int(), maxResults: z.number().int(), total: z.number().int(), comments: z.array(Comment) });

export const ChangeDetails = z.strictObject({
  field: z.string(), fieldtype: z.string(), fieldId: z.string(), from: z.string().nullable(), fromString: z.string().nullable(),
  to: z.string().nullable(), toString: z.string().nullable()
});

export const Changelog = z.strictObject({ id: z.string(), author: UserDetails, created: JiraDateTime, items: z.array(ChangeDetails) });

export const Team = z.strictObject({ id: z.string(), name: z.string(), title: z.string(), isVisible: z.boolean(), isVerified: z.boolean(), isShared: z.boolean(), avatarUrl: z.string().optional() });

export const IssueFields = z.strictObject({
  summary: z.string().optional(),
  description: AdfDocSchema.nullable().optional(),
  labels: z.array(z.string()).optional(),
  assignee: UserDetails.nullable().optional(),
  reporter: UserDetails.nullable().optional(),
  creator: UserDetails.nullable().optional(),
  status: StatusDetails.optional(),
  project: ProjectRef.optional(),
  issuetype: IssueTypeDetails.optional(),
  created: JiraDateTime.optional(),
  updated: JiraDateTime.optional(),
  comment: z.strictObject({ comments: z.array(Comment), self: z.string(), maxResults: z.number().int(), total: z.number().int(), startAt: z.number().int() }).optional(),
  [TEAM_FIELD_ID]: Team.nullable().optional(),
  [REQUEST_TYPE_FIELD_ID]: RequestTypeFieldValue.nullable().optional(),
  [PARTICIPANTS_FIELD_ID]: z.array(UserDetails).optional()
});

export const Issue = z.strictObject({
  expand: z.string().optional(), id: z.string(), self: z.string(), key: z.string(),
  names: z.record(z.string(), z.string()).optional(),
  changelog: z.strictObject({ startAt: z.number().int(), maxResults: z.number().int(), total: z.number().int(), histories: z.array(Changelog) }).optional(),
  fields: IssueFields
});

export const SearchAndReconcileResults = z.strictObject({
  issues: z.array(Issue), names: z.record(z.string(), z.string()).optional(), nextPageToken: z.string().optional(),
  schema: z.record(z.string(), z.unknown()).optional(), isLast: z.boolean()
});

export const JsonType = z.strictObject({
  type: z.string(), items: z.string().optional(), system: z.string().optional(), custom: z.string().optional(),
  customId: z.number().int().optional(), configuration: z.record(z.string(), z.unknown()).optional()
});

export const FieldDetails = z.strictObject({
  id: z.string(), key: z.string(), name: z.string(), custom: z.boolean(), orderable: z.boolean(), navigable: z.boolean(),
  searchable: z.boolean(), clauseNames: z.array(z.string()), schema: JsonType.optional()
});

export const Project = z.strictObject({
  expand: z.string(), self: z.string(), id: z.string(), key: z.string(), description: z.string(), lead: User,
  components: z.array(z.never()), issueTypes: z.array(IssueTypeDetails), assigneeType: z.enum(['PROJECT_LEAD', 'UNASSIGNED']),
  versions: z.array(z.never()), name: z.string(), roles: z.record(z.string(), z.string()), avatarUrls: AvatarUrls,
  projectTypeKey: z.enum(['software', 'service_desk', 'business']), simplified: z.boolean(), style: z.enum(['classic', 'next-gen']),
  isPrivate: z.boolean(), properties: z.record(z.string(), z.unknown())
});

const pageBean = <T extends z.ZodType>(item: T) =>
  z.strictObject({ self: z.string(), nextPage: z.string().optional(), maxResults: z.number().int(), startAt: z.number().int(), total: z.number().int(), isLast: z.boolean(), values: z.array(item) });

export const PageBeanProject = pageBean(Project);
export const PageBeanUser = pageBean(User);

export const BulkPermissionGrants = z.strictObject({
  projectPermissions: z.array(z.strictObject({ permission: z.string(), issues: z.array(z.number().int()), projects: z.array(z.number().int()) })),
  globalPermissions: z.array(z.string())
});

export const Permissions = z.strictObject({
  permissions: z.record(
    z.string(),
    z.strictObject({ id: z.string(), key: z.string(), name: z.string(), type: z.enum(['GLOBAL', 'PROJECT']), description: z.string(), havePermission: z.boolean() })
  )
});

export const GroupName = z.strictObject({ name: z.string(), groupId: z.string(), self: z.string() });

export const ErrorCollection = z.strictObject({ errorMessages: z.array(z.string()), errors: z.record(z.string(), z.string()), status: z.number().int().optional() });
