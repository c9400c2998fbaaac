/**
 * Request bodies of the JSM operations the fake serves, written from JSM's REST reference
 * (`RequestCreateDTO`, `CommentCreateDTO`, `RequestParticipantUpdateDTO`); jira.js 5.4 has
 * TypeScript types for them but no zod schemas.
 */
import { z } from 'zod';

export const CreateRequestBody = z.strictObject({
  serviceDeskId: z.string(),
  requestTypeId: z.string(),
  requestFieldValues: z.record(z.string(), z.unknown()),
  requestParticipants: z.array(z.string()).optional(),
  raiseOnBehalfOf: z.string().optional(),
  isAdfRequest: z.boolean().optional(),
  channel: z.string().optional(),
  form: z.record(z.string(), z.unknown()).optional()
});

export const CreateRequestCommentBody = z.strictObject({
  body: z.string().optional(),
  public: z.boolean().optional()
});

export const RequestParticipantsBody = z.strictObject({
  accountIds: z.array(z.string()).optional(),
  usernames: z.array(z.string()).optional()
});
