/**
 * The body of every operation the fake takes one for, as jira.js's schema for that operation
 * (the model its parameters schema is built from). Jira's closed beans (`additionalProperties:
 * false` in the platform spec; JSM's DTOs) use jira.js's closed build, so an unknown property
 * answers `Unrecognized field` as Jira does; open beans use jira.js's schemas as shipped.
 * Where Jira documents more than jira.js encodes, the refinement is ours and says so.
 */
import { z } from 'zod';
import { JiraJs, JiraJsStrict } from './jira-js';

/**
 * One `FieldUpdateOperation` (Jira's bean, closed): ours, because jira.js types `update` as a
 * record of anything.
 */
const FieldUpdateOperation = z.strictObject({
  add: z.unknown().optional(),
  set: z.unknown().optional(),
  remove: z.unknown().optional(),
  edit: z.unknown().optional(),
  copy: z.unknown().optional()
});

/** PUT /rest/api/3/issue/{issueIdOrKey}: `IssueUpdateDetails` (open), with `update`'s operations checked. */
export const EditIssueBody = JiraJs.Platform.IssueUpdateDetails.extend({
  update: z.record(z.string(), z.array(FieldUpdateOperation)).optional()
});

/**
 * PUT /rest/api/3/issue/{issueIdOrKey}/assignee: Jira's `User` bean (jira.js `DashboardUser`),
 * closed. Two refinements from Jira's docs: `accountId: null` unassigns (jira.js refuses null),
 * and the removed `name` and `key` are recognised so the route can say they are gone.
 */
export const AssignIssueBody = JiraJsStrict.Platform.DashboardUser.extend({
  accountId: z.string().max(128).nullable().optional(),
  name: z.string().optional(),
  key: z.string().optional()
});

/** POST /rest/api/3/issue/{issueIdOrKey}/comment: `Comment` (jira.js `CommentInput`), open; the route checks the ADF. */
export const AddCommentBody = JiraJs.Platform.CommentInput;

/** POST /rest/api/3/permissions/check: `BulkPermissionsRequestBean`, closed. */
export const BulkPermissionsBody = JiraJsStrict.Platform.BulkPermissionsRequest;

/** POST /rest/api/3/search/jql: `SearchAndReconcileRequestBean`, closed; the route enforces its documented limits. */
export const SearchJqlBody = JiraJsStrict.Platform.SearchAndReconcileRequest;

/** POST /rest/servicedeskapi/request: `RequestCreateDTO`, closed; the route requires what JSM requires. */
export const CreateRequestBody = JiraJsStrict.ServiceDesk.RequestCreate;

/** POST /rest/servicedeskapi/request/{issueIdOrKey}/comment: `CommentCreateDTO`, closed. */
export const CreateRequestCommentBody = JiraJsStrict.ServiceDesk.CommentCreate;

/** POST /rest/servicedeskapi/request/{issueIdOrKey}/participant: `RequestParticipantUpdateDTO`, closed. */
export const RequestParticipantsBody = JiraJsStrict.ServiceDesk.RequestParticipantUpdate;
