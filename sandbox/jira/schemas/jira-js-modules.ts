/**
 * The jira.js 6 zod schemas the sandbox uses, named after jira.js's models. jira.js 6 is
 * ESM-only and Node 20 cannot require() ESM, so this file is never loaded as it stands:
 * bundle-jira-js.mjs bundles it into `build/jira-js-schemas*.cjs` (CommonJS, zod left external
 * so the bundle shares our zod), and jira-js.ts loads that bundle typed as this module.
 * Add a schema here, then rebuild (`npm run build`; jest's globalSetup does it too).
 *
 * Each request body schema is the model jira.js builds that operation's parameters from
 * (e.g. `EditIssueSchema = IssueUpdateDetailsSchema + path/query parameters`).
 */
import { AttachmentSchema } from 'jira.js/dist/cloud/models/attachment';
import { AttachmentSettingsSchema } from 'jira.js/dist/cloud/models/attachmentSettings';
import { BulkPermissionGrantsSchema } from 'jira.js/dist/cloud/models/bulkPermissionGrants';
import { BulkPermissionsRequestSchema } from 'jira.js/dist/cloud/models/bulkPermissionsRequest';
import { ChangelogSchema } from 'jira.js/dist/cloud/models/changelog';
import { CommentSchema } from 'jira.js/dist/cloud/models/comment';
import { CommentInputSchema } from 'jira.js/dist/cloud/models/commentInput';
import { DashboardUserSchema } from 'jira.js/dist/cloud/models/dashboardUser';
import { DocumentSchema } from 'jira.js/dist/cloud/models/document';
import { ErrorCollectionSchema } from 'jira.js/dist/cloud/models/errorCollection';
import { FieldDetailsSchema } from 'jira.js/dist/cloud/models/fieldDetails';
import { GroupNameSchema } from 'jira.js/dist/cloud/models/groupName';
import { IssueSchema } from 'jira.js/dist/cloud/models/issue';
import { IssueTypeDetailsSchema } from 'jira.js/dist/cloud/models/issueTypeDetails';
import { IssueUpdateDetailsSchema } from 'jira.js/dist/cloud/models/issueUpdateDetails';
import { PageOfCommentsSchema } from 'jira.js/dist/cloud/models/pageOfComments';
import { PageProjectSchema } from 'jira.js/dist/cloud/models/pageProject';
import { PageUserSchema } from 'jira.js/dist/cloud/models/pageUser';
import { PermissionsSchema } from 'jira.js/dist/cloud/models/permissions';
import { ProjectSchema } from 'jira.js/dist/cloud/models/project';
import { ProjectDetailsSchema } from 'jira.js/dist/cloud/models/projectDetails';
import { SearchAndReconcileRequestSchema } from 'jira.js/dist/cloud/models/searchAndReconcileRequest';
import { SearchAndReconcileResultsSchema } from 'jira.js/dist/cloud/models/searchAndReconcileResults';
import { StatusDetailsSchema } from 'jira.js/dist/cloud/models/statusDetails';
import { UserDetailsSchema } from 'jira.js/dist/cloud/models/userDetails';
import { UserPermissionSchema } from 'jira.js/dist/cloud/models/userPermission';
import { CommentSchema as RequestCommentSchema } from 'jira.js/dist/serviceDesk/models/comment';
import { CommentCreateSchema } from 'jira.js/dist/serviceDesk/models/commentCreate';
import { CustomerRequestSchema } from 'jira.js/dist/serviceDesk/models/customerRequest';
import { CustomerRequestStatusSchema } from 'jira.js/dist/serviceDesk/models/customerRequestStatus';
import { ErrorResponseSchema } from 'jira.js/dist/serviceDesk/models/errorResponse';
import { PagedCommentSchema } from 'jira.js/dist/serviceDesk/models/pagedComment';
import { PagedRequestTypeSchema } from 'jira.js/dist/serviceDesk/models/pagedRequestType';
import { PagedServiceDeskSchema } from 'jira.js/dist/serviceDesk/models/pagedServiceDesk';
import { PagedUserSchema } from 'jira.js/dist/serviceDesk/models/pagedUser';
import { RequestCreateSchema } from 'jira.js/dist/serviceDesk/models/requestCreate';
import { RequestParticipantUpdateSchema } from 'jira.js/dist/serviceDesk/models/requestParticipantUpdate';
import { RequestTypeSchema } from 'jira.js/dist/serviceDesk/models/requestType';
import { ServiceDeskSchema } from 'jira.js/dist/serviceDesk/models/serviceDesk';

/** The Jira platform REST API (`/rest/api/3`): jira.js's `cloud` models. */
export const Platform = {
  // Request bodies.
  IssueUpdateDetails: IssueUpdateDetailsSchema,
  /** The body jira.js's `assignIssue` sends (Jira's `User` bean). */
  DashboardUser: DashboardUserSchema,
  CommentInput: CommentInputSchema,
  BulkPermissionsRequest: BulkPermissionsRequestSchema,
  SearchAndReconcileRequest: SearchAndReconcileRequestSchema,
  // Answers.
  Issue: IssueSchema,
  SearchAndReconcileResults: SearchAndReconcileResultsSchema,
  Comment: CommentSchema,
  PageOfComments: PageOfCommentsSchema,
  Attachment: AttachmentSchema,
  AttachmentSettings: AttachmentSettingsSchema,
  Changelog: ChangelogSchema,
  FieldDetails: FieldDetailsSchema,
  UserDetails: UserDetailsSchema,
  PageUser: PageUserSchema,
  GroupName: GroupNameSchema,
  Project: ProjectSchema,
  ProjectDetails: ProjectDetailsSchema,
  PageProject: PageProjectSchema,
  BulkPermissionGrants: BulkPermissionGrantsSchema,
  Permissions: PermissionsSchema,
  UserPermission: UserPermissionSchema,
  StatusDetails: StatusDetailsSchema,
  IssueTypeDetails: IssueTypeDetailsSchema,
  Document: DocumentSchema,
  ErrorCollection: ErrorCollectionSchema
};

/** Jira Service Management's REST API (`/rest/servicedeskapi`): jira.js's `serviceDesk` models. */
export const ServiceDesk = {
  // Request bodies.
  RequestCreate: RequestCreateSchema,
  CommentCreate: CommentCreateSchema,
  RequestParticipantUpdate: RequestParticipantUpdateSchema,
  // Answers.
  CustomerRequest: CustomerRequestSchema,
  CustomerRequestStatus: CustomerRequestStatusSchema,
  Comment: RequestCommentSchema,
  PagedComment: PagedCommentSchema,
  PagedUser: PagedUserSchema,
  ServiceDesk: ServiceDeskSchema,
  PagedServiceDesk: PagedServiceDeskSchema,
  RequestType: RequestTypeSchema,
  PagedRequestType: PagedRequestTypeSchema,
  ErrorResponse: ErrorResponseSchema
};
