/**
 * Attachments through the platform API: `POST /rest/api/3/issue/{key}/attachments` (multipart,
 * the part named `file`, `X-Atlassian-Token: no-check`: jira-doors.ts), and the site's settings.
 * As Jira: Browse Projects and Create Attachments for the caller (a JSM customer has neither on
 * the platform API), 413 when a file is over the site's limit, and the created attachments as
 * jira.js's `Attachment` list.
 */
import { actorId, browsableIssue, requireProjectPermission } from '../issue-access';
import { isMultipart } from '../jira-doors';
import { JiraError } from '../jira-errors';
import { renderAttachment } from '../render/render-issue';
import { ok, type RouteDef } from '../route-kit';
import type { AttachmentRecord } from '../site-model';

const addAttachments: RouteDef = {
  method: 'POST',
  template: '/rest/api/3/issue/{issueIdOrKey}/attachments',
  family: 'platform',
  scopes: ['write:jira-work'],
  handle(ctx) {
    const { issue, project } = browsableIssue(ctx, ctx.params.issueIdOrKey);
    requireProjectPermission(ctx, project, 'CREATE_ATTACHMENTS', 'You do not have permission to create attachments for this issue.');
    if (!isMultipart(ctx.body)) throw new JiraError(415, ['Unsupported Media Type: attachments are posted as multipart/form-data.']);
    const files = ctx.body.parts.filter((part) => part.name === 'file');
    if (files.length === 0) throw new JiraError(400, ['No attachments were found in the request: the part must be named "file".']);
    const limit = ctx.state.attachmentUploadLimit;
    const over = files.find((file) => file.bytes.length > limit);
    if (over) {
      throw new JiraError(413, [`The attachment '${over.fileName}' exceeds the maximum attachment size for issues (${limit} bytes).`]);
    }
    const created: AttachmentRecord[] = files.map((file) => ({
      id: ctx.state.nextAttachmentId(),
      filename: file.fileName,
      authorId: actorId(ctx),
      created: ctx.now,
      size: file.bytes.length,
      mimeType: file.type || 'application/octet-stream',
      base64: Buffer.from(file.bytes).toString('base64')
    }));
    issue.attachments = [...(issue.attachments ?? []), ...created];
    issue.updated = ctx.now;
    return ok(created.map((a) => renderAttachment(ctx.state, a)));
  }
};

/** `AttachmentSettings`: whether attachments are on, and the size limit in bytes. */
const attachmentMeta: RouteDef = {
  method: 'GET',
  template: '/rest/api/3/attachment/meta',
  family: 'platform',
  scopes: ['read:jira-work'],
  handle(ctx) {
    return ok({ enabled: true, uploadLimit: ctx.state.attachmentUploadLimit });
  }
};

export const ATTACHMENT_ROUTES: RouteDef[] = [addAttachments, attachmentMeta];
