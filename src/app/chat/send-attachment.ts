import { checkPart, checkType, isEnded, partCount, type AttachmentRef, type MessageSender } from '../../domain';
import { AppError } from '../app-error';
import type { AppDeps } from '../app-deps';
import { orThrow } from '../decision/run-decision';
import type { UploadRecord } from '../ports/attachment-store';
import type { JiraCaller, JiraClient } from '../ports/jira';
import { isJiraError } from '../ports/jira-error';
import type { StoredConversation } from '../ports/routing-store';
import { requireToken } from './chat-token';
import { requireOnConversation } from './conversation-access';
import { requireConversation } from './find-conversation';
import { send } from './send-message';

export type AttachmentDeps = AppDeps & { readonly jira: JiraClient };

/** One part of a file, as the page sends it (README, "Operations beyond PRODUCT.md"). */
export interface AttachmentPart {
  readonly conversationId: string;
  /** The page's id for this upload: a retried part, or a retried upload, finds the same one. */
  readonly uploadId: string;
  readonly fileName: string;
  readonly size: number;
  readonly part: number;
  /** The part's bytes, base64. */
  readonly data: string;
}

/** How far the upload got; `message` once the file is on the work item and in the chat. */
export interface AttachmentProgress {
  readonly received: number;
  readonly parts: number;
  readonly message: { readonly seq: number; readonly attachment: AttachmentRef } | null;
}

/** chat.attach: the customer sends a file (R24: with their chat's secret). */
export async function sendCustomerAttachment(deps: AttachmentDeps, input: AttachmentPart & { token: string }): Promise<AttachmentProgress> {
  const stored = await requireConversation(deps, input.conversationId);
  requireToken(stored.details, input.token);
  return receivePart(deps, stored, { role: 'customer' }, input);
}

/** conversation.attach: the assigned agent or a participant sends a file (R18). */
export async function sendAgentAttachment(
  deps: AttachmentDeps,
  input: AttachmentPart & { agentId: string | undefined }
): Promise<AttachmentProgress> {
  const stored = await requireConversation(deps, input.conversationId);
  const agentId = await requireOnConversation(deps, input.agentId, stored);
  return receivePart(deps, stored, { role: 'agent', agentId }, input);
}

/**
 * Every part is checked before it is kept (size, place, length; the first part's content
 * decides the type), so a refused file changes nothing. The last part puts the file on the
 * work item and in the chat, each step recorded on the upload so a retry repeats neither.
 */
async function receivePart(deps: AttachmentDeps, stored: StoredConversation, sender: MessageSender, input: AttachmentPart) {
  const bytes = decodeBase64(input.data);
  const { parts, last } = orThrow(checkPart({ fileName: input.fileName, size: input.size, part: input.part, length: bytes.length }));
  const record = await uploadFor(deps, stored, sender, input, bytes);
  if (record.seq !== null) return done(record, record.seq);
  await deps.attachments.putPart(input.conversationId, input.uploadId, input.part, input.data);
  if (!last) return { received: input.part + 1, parts, message: null };

  const all = await deps.attachments.parts(record.conversationId, record.id, [...Array(parts).keys()]);
  const missing = all.flatMap((part, i) => (part === null ? [i] : []));
  if (missing.length > 0) {
    throw new AppError('conflict', `Parts ${missing.join(', ')} of this file have not arrived: send them, then the last part again.`, {
      part: `missing ${missing.join(', ')}`
    });
  }
  const posted =
    record.jiraId === null ? { ...record, attempted: true, jiraId: await postToWorkItem(deps, stored, record, all as string[]) } : record;
  if (posted !== record) await deps.attachments.update(posted);
  const seq = (await alreadyInChat(deps, posted)) ?? (await send(deps, stored, sender, posted.fileName, ref(posted))).seq;
  await deps.attachments.update({ ...posted, seq });
  return done(posted, seq);
}

/** The upload's record: made from the first part (its type by content), then the same file's each time. */
async function uploadFor(
  deps: AttachmentDeps,
  stored: StoredConversation,
  sender: MessageSender,
  input: AttachmentPart,
  bytes: Uint8Array
): Promise<UploadRecord> {
  const existing = await deps.attachments.upload(input.conversationId, input.uploadId);
  if (existing) return sameFile(existing, sender, input);
  if (input.part !== 0) throw new AppError('conflict', 'Send the first part of this file first.', { part: 'send part 0 first' });
  if (isEnded(stored.conversation)) throw new AppError('conflict', 'This chat has ended.');
  if (sender.role === 'agent' && stored.conversation.status !== 'active') throw new AppError('conflict', 'This chat has not started.');
  const type = orThrow(checkType(bytes));
  const record: UploadRecord = {
    id: input.uploadId,
    conversationId: input.conversationId,
    fileName: input.fileName,
    mimeType: type.mimeType,
    kind: type.kind,
    size: input.size,
    parts: partCount(input.size),
    sender,
    attempted: false,
    jiraId: null,
    seq: null
  };
  if (await deps.attachments.begin(record)) return record;
  // Another attempt of this upload began it a moment ago.
  const raced = await deps.attachments.upload(input.conversationId, input.uploadId);
  if (!raced) throw new AppError('unavailable', 'Storage is busy. Try again.');
  return sameFile(raced, sender, input);
}

function sameFile(record: UploadRecord, sender: MessageSender, input: AttachmentPart): UploadRecord {
  const sameSender =
    record.sender.role === sender.role && (sender.role === 'customer' || (record.sender as typeof sender).agentId === sender.agentId);
  if (!sameSender || record.fileName !== input.fileName || record.size !== input.size) {
    throw new AppError('conflict', 'This upload id belongs to another file.', { uploadId: 'belongs to another file' });
  }
  return record;
}

/**
 * Who puts the file on the work item: an agent as themselves (`asUser`, Create Attachments is
 * theirs); a customer through the app, since a portal customer (or an anonymous visitor) holds
 * no permission on the work item in Jira's platform API (README, "Where the sandbox differs").
 * Before posting again after an unclear attempt, the work item is asked whether it has the file.
 */
async function postToWorkItem(deps: AttachmentDeps, stored: StoredConversation, record: UploadRecord, parts: string[]): Promise<string> {
  const key = stored.details.workItemKey;
  if (!key) throw new AppError('unavailable', 'The chat’s work item is not there yet. Try again in a moment.');
  const as: JiraCaller = record.sender.role === 'agent' ? 'user' : 'app';
  try {
    if (record.attempted) {
      // Only this upload can have put a file of this name and size on this chat's work item.
      const earlier = (await deps.jira.attachments(key)).find((a) => a.fileName === record.fileName && a.size === record.size);
      if (earlier) return earlier.id;
    }
    await deps.attachments.update({ ...record, attempted: true });
    const bytes = Buffer.concat(parts.map((part) => Buffer.from(part, 'base64')));
    return (await deps.jira.addAttachment(key, { fileName: record.fileName, mimeType: record.mimeType, bytes }, as)).id;
  } catch (error) {
    if (!isJiraError(error)) throw error;
    if (error.status === 413) throw new AppError('too_large', 'Jira refused the file as larger than this site allows for attachments.');
    if (error.status === 403) throw new AppError('forbidden', 'Jira does not allow attachments on this work item for you.');
    if (error.retryable) throw new AppError('unavailable', 'Jira is busy. Send the file again in a moment.');
    throw new AppError('unavailable', 'Jira did not take the file.');
  }
}

/** A message written by an attempt whose record was not updated after it. */
async function alreadyInChat(deps: AttachmentDeps, record: UploadRecord): Promise<number | null> {
  const recent = await deps.messages.latest(record.conversationId, 60);
  return recent.find((m) => m.attachment?.id === record.id)?.seq ?? null;
}

function ref(record: UploadRecord): AttachmentRef {
  const { id, fileName, mimeType, kind, size, parts, jiraId } = record;
  return { id, fileName, mimeType, kind, size, parts, jiraId };
}

function done(record: UploadRecord, seq: number): AttachmentProgress {
  return { received: record.parts, parts: record.parts, message: { seq, attachment: ref(record) } };
}

const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

function decodeBase64(data: string): Uint8Array {
  if (data.length % 4 !== 0 || !BASE64.test(data)) throw new AppError('invalid', 'data must be base64.', { data: 'must be base64' });
  return Buffer.from(data, 'base64');
}
