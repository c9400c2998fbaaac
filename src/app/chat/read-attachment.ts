import { AppError } from '../app-error';
import type { AppDeps } from '../app-deps';
import type { StoredConversation } from '../ports/routing-store';
import { requireToken } from './chat-token';
import { requireOnConversation } from './conversation-access';
import { requireConversation } from './find-conversation';

/** Parts read per call: 20 × 176 KiB is 4.7 MB of base64, under the 5 MiB a resolver answer may carry. */
export const PARTS_PER_READ = 20;

export interface AttachmentContent {
  readonly mimeType: string;
  readonly parts: number;
  /** Parts `from`.. in order, base64: the page joins them into a Blob (a `blob:` URL the frames' CSP allows). */
  readonly from: number;
  readonly data: string[];
}

/** chat.attachment: a file of the customer's chat, for its preview (R24). */
export async function readCustomerAttachment(
  deps: AppDeps,
  input: { conversationId: string; token: string; attachmentId: string; from: number }
): Promise<AttachmentContent> {
  const stored = await requireConversation(deps, input.conversationId);
  requireToken(stored.details, input.token);
  return read(deps, stored, input);
}

/** conversation.attachment: a file of a chat the agent is on (R18: only they read its content). */
export async function readAgentAttachment(
  deps: AppDeps,
  input: { agentId: string | undefined; conversationId: string; attachmentId: string; from: number }
): Promise<AttachmentContent> {
  const stored = await requireConversation(deps, input.conversationId);
  await requireOnConversation(deps, input.agentId, stored);
  return read(deps, stored, input);
}

/** Only a file whose message is in the chat is readable: an upload still under way, or refused, is not. */
async function read(deps: AppDeps, stored: StoredConversation, input: { attachmentId: string; from: number }): Promise<AttachmentContent> {
  const record = await deps.attachments.upload(stored.conversation.id, input.attachmentId);
  if (!record || record.seq === null) throw new AppError('not_found', 'There is no such file in this chat.');
  if (input.from >= record.parts)
    throw new AppError('invalid', `from must be below ${record.parts}.`, { from: `must be below ${record.parts}` });
  const indexes = Array.from({ length: Math.min(PARTS_PER_READ, record.parts - input.from) }, (_, i) => input.from + i);
  const data = await deps.attachments.parts(stored.conversation.id, record.id, indexes);
  if (data.some((part) => part === null))
    throw new AppError('not_found', 'This file is no longer kept by the app; it is on the work item.');
  return { mimeType: record.mimeType, parts: record.parts, from: input.from, data: data as string[] };
}
