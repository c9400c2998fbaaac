import { route } from '@forge/api';
import { z } from 'zod';
import type { JiraCaller, NewAttachment } from '../../app/ports/jira';
import { jiraJson } from './jira-http';

/** Jira answers the attachments it created (jira.js `Attachment`); the app reads the id. */
const CreatedSchema = z.array(z.object({ id: z.coerce.string() })).min(1);

/** Puts a file on a work item: `POST /rest/api/3/issue/{key}/attachments`, multipart, the part named `file`. */
export async function addAttachment(key: string, file: NewAttachment, as: JiraCaller): Promise<{ id: string }> {
  const form = new FormData();
  form.append('file', new Blob([Uint8Array.from(file.bytes)], { type: file.mimeType }), file.fileName);
  const created = await jiraJson({ as, method: 'POST', path: route`/rest/api/3/issue/${key}/attachments`, form }, CreatedSchema);
  return { id: created[0].id };
}

const IssueAttachmentsSchema = z.object({
  fields: z.object({
    attachment: z.array(z.object({ id: z.coerce.string(), filename: z.string(), size: z.number() })).optional()
  })
});

/** The work item's attachments, read as the app. */
export async function attachments(key: string): Promise<{ id: string; fileName: string; size: number }[]> {
  const answer = await jiraJson(
    { as: 'app', method: 'GET', path: route`/rest/api/3/issue/${key}?fields=${'attachment'}` },
    IssueAttachmentsSchema
  );
  return (answer.fields.attachment ?? []).map((a) => ({ id: a.id, fileName: a.filename, size: a.size }));
}
