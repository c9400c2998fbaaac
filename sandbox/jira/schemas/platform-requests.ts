/**
 * Request bodies of the platform operations the fake serves, written from the Jira platform
 * OpenAPI document (jira.js 5.4 ships no zod schemas for them). Beans the spec marks
 * `additionalProperties: false` are strict, so an unknown property is refused as Jira refuses it.
 */
import { z } from 'zod';

const EntityProperty = z.strictObject({ key: z.string(), value: z.unknown() });

const FieldUpdateOperation = z.strictObject({
  add: z.unknown().optional(),
  set: z.unknown().optional(),
  remove: z.unknown().optional(),
  edit: z.unknown().optional(),
  copy: z.unknown().optional()
});

/** `IssueUpdateDetails` (PUT /rest/api/3/issue/{issueIdOrKey}); the spec allows extra properties. */
export const EditIssueBody = z.looseObject({
  fields: z.record(z.string(), z.unknown()).optional(),
  update: z.record(z.string(), z.array(FieldUpdateOperation)).optional(),
  historyMetadata: z.record(z.string(), z.unknown()).optional(),
  properties: z.array(EntityProperty).optional(),
  transition: z.record(z.string(), z.unknown()).optional()
});

/** `User` as the assign operation reads it: exactly one of accountId (or the removed name/key). */
export const AssignIssueBody = z.strictObject({
  accountId: z.string().max(128).nullable().optional(),
  name: z.string().optional(),
  key: z.string().optional()
});

const Visibility = z.looseObject({ type: z.enum(['group', 'role']).optional(), value: z.string().optional(), identifier: z.string().optional() });

/** `Comment` (POST /rest/api/3/issue/{issueIdOrKey}/comment): the body is checked as ADF by the route. */
export const AddCommentBody = z.looseObject({
  body: z.unknown(),
  visibility: Visibility.optional(),
  properties: z.array(EntityProperty).optional()
});

/** `BulkPermissionsRequestBean` (POST /rest/api/3/permissions/check). */
export const BulkPermissionsBody = z.strictObject({
  accountId: z.string().optional(),
  globalPermissions: z.array(z.string().nullable()).optional(),
  projectPermissions: z
    .array(
      z.strictObject({
        permissions: z.array(z.string()),
        projects: z.array(z.number().int().nullable()).optional(),
        issues: z.array(z.number().int().nullable()).optional()
      })
    )
    .optional()
});

/** `SearchAndReconcileRequestBean` (POST /rest/api/3/search/jql). */
export const SearchJqlBody = z.strictObject({
  jql: z.string().optional(),
  nextPageToken: z.string().optional(),
  maxResults: z.number().int().optional(),
  fields: z.array(z.string()).optional(),
  expand: z.string().optional(),
  properties: z.array(z.string()).max(5).optional(),
  fieldsByKeys: z.boolean().optional(),
  failFast: z.boolean().optional(),
  reconcileIssues: z.array(z.number().int()).max(50).optional()
});
