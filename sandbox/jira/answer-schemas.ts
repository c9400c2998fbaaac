/**
 * For tests: what the fake's answers must parse with. Every schema is jira.js's, from its closed
 * build (`JiraJsStrict`: a key the spec does not document, or a value outside a documented enum,
 * fails). jira.js types some members as "anything": an issue's `fields` and `mypermissions`'
 * entries; those are checked here with jira.js's schema for each value's type, and only the Team
 * field's value, which jira.js does not model, with ours.
 */
import { z } from 'zod';
import { PARTICIPANTS_FIELD_ID, REQUEST_TYPE_FIELD_ID, TEAM_FIELD_ID } from './field-catalog';
import { JiraJsStrict } from './schemas/jira-js';

const P = JiraJsStrict.Platform;
const S = JiraJsStrict.ServiceDesk;

/** `2026-11-23T09:00:00.000+0000`, the form Jira's date-time fields take in `fields`. */
const JiraDateTime = z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}[+-]\d{4}$/);

/** The Team field's value (`com.atlassian.jira.plugin.system.customfieldtypes:atlassian-team`): ours. */
const TeamFieldValue = z.strictObject({
  id: z.string(),
  name: z.string(),
  title: z.string(),
  isVisible: z.boolean(),
  isVerified: z.boolean(),
  isShared: z.boolean(),
  avatarUrl: z.string().optional()
});

/** The value of each field the fake serves, by the jira.js model of the field's type. */
const IssueFields = z.strictObject({
  summary: z.string().optional(),
  description: P.Document.nullable().optional(),
  labels: z.array(z.string()).optional(),
  assignee: P.UserDetails.nullable().optional(),
  reporter: P.UserDetails.nullable().optional(),
  creator: P.UserDetails.nullable().optional(),
  status: P.StatusDetails.optional(),
  project: P.ProjectDetails.optional(),
  issuetype: P.IssueTypeDetails.optional(),
  created: JiraDateTime.optional(),
  updated: JiraDateTime.optional(),
  // The comment field is a page of comments that also names itself.
  comment: P.PageOfComments.extend({ self: z.url() }).optional(),
  attachment: z.array(P.Attachment).optional(),
  [TEAM_FIELD_ID]: TeamFieldValue.nullable().optional(),
  // JSM's Request Type field embeds a customer request's links, request type and status.
  [REQUEST_TYPE_FIELD_ID]: S.CustomerRequest.pick({ _links: true, requestType: true, currentStatus: true }).nullable().optional(),
  [PARTICIPANTS_FIELD_ID]: z.array(P.UserDetails).optional()
});

export const Issue = P.Issue.extend({ fields: IssueFields.optional() });
export const SearchAndReconcileResults = P.SearchAndReconcileResults.extend({ issues: z.array(Issue).optional() });
export const Permissions = P.Permissions.extend({ permissions: z.record(z.string(), P.UserPermission).optional() });

export const Comment = P.Comment;
/** POST /issue/{key}/attachments answers the attachments it created. */
export const Attachments = z.array(P.Attachment);
export const AttachmentSettings = P.AttachmentSettings;
export const PageOfComments = P.PageOfComments;
export const FieldDetails = P.FieldDetails;
/** GET /user, /myself, /user/permission/search: jira.js's `DashboardUser` (Jira's `User`). */
export const User = P.DashboardUser;
export const PageBeanUser = P.PageUser;
export const GroupName = P.GroupName;
export const Project = P.Project;
export const PageBeanProject = P.PageProject;
export const BulkPermissionGrants = P.BulkPermissionGrants;
export const ErrorCollection = P.ErrorCollection;

export const ServiceDesk = S.ServiceDesk;
export const PagedServiceDesk = S.PagedServiceDesk;
export const PagedRequestType = S.PagedRequestType;
export const CustomerRequest = S.CustomerRequest;
export const RequestComment = S.Comment;
export const PagedRequestComment = S.PagedComment;
export const PagedUser = S.PagedUser;
export const ServiceDeskError = S.ErrorResponse;
