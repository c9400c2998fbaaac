/**
 * Compile-time checks that our schemas agree with jira.js 5.4's TypeScript models: whatever
 * parses with one of our response schemas is a value of jira.js's type for it, and what jira.js
 * lets a client send parses as our request schema's input. `npm run typecheck` fails otherwise.
 * Left out where jira.js's model disagrees with what Jira sends: `Fields` requires fields Jira
 * only sends when asked for (so Issue is not checked), `ChangeDetails.from/to` cannot be null
 * though Jira sends null for an empty side (so ChangeDetails and Changelog are not checked), and
 * `EditIssue.update` is `unknown` (nothing to check against). jira.js renames JSM's `_links` to
 * `Links`; our extra `_links` keys do not stop the JSM checks.
 */
import type { ServiceDesk, Version3 } from 'jira.js';
import type { z } from 'zod';
import type * as P from './platform-responses';
import type * as S from './servicedesk-responses';
import type * as PR from './platform-requests';
import type * as SR from './servicedesk-requests';


type Assert<T extends true> = T;
type Fits<A, B> = [A] extends [B] ? true : false;

export type ConformingResponses = [
  Assert<Fits<z.infer<typeof P.User>, Version3.Version3Models.User>>,
  Assert<Fits<z.infer<typeof P.UserDetails>, Version3.Version3Models.UserDetails>>,
  Assert<Fits<z.infer<typeof P.Comment>, Version3.Version3Models.Comment>>,
  Assert<Fits<z.infer<typeof P.PageOfComments>, Version3.Version3Models.PageOfComments>>,
  Assert<Fits<z.infer<typeof P.FieldDetails>, Version3.Version3Models.FieldDetails>>,
  Assert<Fits<z.infer<typeof P.Project>, Version3.Version3Models.Project>>,
  Assert<Fits<z.infer<typeof P.BulkPermissionGrants>, Version3.Version3Models.BulkPermissionGrants>>,
  Assert<Fits<z.infer<typeof P.Permissions>, Version3.Version3Models.Permissions>>,
  Assert<Fits<z.infer<typeof P.GroupName>, Version3.Version3Models.GroupName>>,
  Assert<Fits<z.infer<typeof S.ServiceDesk>, ServiceDesk.ServiceDeskModels.ServiceDesk>>,
  Assert<Fits<z.infer<typeof S.RequestType>, ServiceDesk.ServiceDeskModels.RequestType>>,
  Assert<Fits<z.infer<typeof S.CustomerRequest>, ServiceDesk.ServiceDeskModels.CustomerRequest>>,
  Assert<Fits<z.infer<typeof S.RequestComment>, ServiceDesk.ServiceDeskModels.Comment>>,
  Assert<Fits<z.infer<typeof S.PagedServiceDesk>, ServiceDesk.ServiceDeskModels.PagedServiceDesk>>,
  Assert<Fits<z.infer<typeof S.PagedRequestType>, ServiceDesk.ServiceDeskModels.PagedRequestType>>,
  Assert<Fits<z.infer<typeof S.PagedRequestComment>, ServiceDesk.ServiceDeskModels.PagedComment>>,
  Assert<Fits<z.infer<typeof S.PagedUser>, ServiceDesk.ServiceDeskModels.PagedUser>>
];

export type ConformingRequests = [
  Assert<Fits<Omit<Version3.Version3Parameters.AssignIssue, 'issueIdOrKey'>, z.input<typeof PR.AssignIssueBody>>>,
  Assert<Fits<Version3.Version3Models.BulkPermissionsRequest, z.input<typeof PR.BulkPermissionsBody>>>,
  Assert<Fits<Omit<ServiceDesk.ServiceDeskParameters.CreateRequestComment, 'issueIdOrKey'>, z.input<typeof SR.CreateRequestCommentBody>>>,
  Assert<Fits<Omit<ServiceDesk.ServiceDeskParameters.AddRequestParticipants, 'issueIdOrKey'>, z.input<typeof SR.RequestParticipantsBody>>>
];
