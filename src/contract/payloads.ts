import { z } from 'zod';
import { accountId, MESSAGE_MAX_CHARS, messageText, projectKey } from './fields';

/** The payloads too long to read inline in the operation table (operations.ts). */

/** chat.start: the AI conversation so far (R23), handed to the agent. The space is the portal's: a payload projectKey must agree with it. */
const handedOverTurn = z.strictObject({
  from: z.enum(['customer', 'ai'], { error: "must be 'customer' or 'ai'" }),
  text: z.string({ error: 'must be text' }).max(MESSAGE_MAX_CHARS, `must be at most ${MESSAGE_MAX_CHARS} characters`)
});

const summary = z.string({ error: 'must be text' }).trim().min(1, 'must not be empty').max(255, 'must be at most 255 characters');
const handedOver = z.array(handedOverTurn, { error: 'must be a list of { from, text }' }).max(200, 'must have at most 200 turns');

export const chatStartInput = z.strictObject({
  projectKey: projectKey.optional(),
  summary: summary.optional(),
  transcript: handedOver.optional()
});

/** H3, chat.leaveRequest: outside business hours, the customer's request in their words (R29's text), with the AI conversation before it. */
export const leaveRequestInput = z.strictObject({
  projectKey: projectKey.optional(),
  text: messageText,
  summary: summary.optional(),
  transcript: handedOver.optional()
});

/** R29: the turns the widget sends for the AI's answer: plain text, at most 4,000 characters each; the customer speaks last. */
const MAX_ASSISTANT_TURNS = 40;
const assistantTurn = z.strictObject({
  from: z.enum(['customer', 'ai'], { error: 'must be customer or ai' }),
  text: z
    .string({ error: 'must be text' })
    .refine((text) => text.trim().length > 0, 'must not be empty')
    .refine((text) => [...text].length <= MESSAGE_MAX_CHARS, `must be at most ${MESSAGE_MAX_CHARS} characters`)
});

export const assistantReplyInput = z.strictObject({
  projectKey: projectKey.optional(),
  transcript: z
    .array(assistantTurn, { error: 'must be a list of turns' })
    .min(1, 'must hold the customer’s message')
    .max(MAX_ASSISTANT_TURNS, `must be at most ${MAX_ASSISTANT_TURNS} turns`)
    .refine((turns) => turns[turns.length - 1]?.from === 'customer', 'must end with the customer’s message')
});

/**
 * space.settings.save: values are checked by the domain, which names each field and its range,
 * so here each is any value (R29's typed error comes from there).
 */
const setting = z.unknown().optional();
export const spaceSettingsSaveInput = z.strictObject({
  projectKey,
  enabled: setting,
  timeToAssignMinutes: setting,
  offerTimeoutSeconds: setting,
  timeToReplyMinutes: setting,
  teamId: setting,
  showOnlyWhenAvailable: setting,
  requestTypeId: setting,
  fallbackMessage: setting,
  businessHours: setting,
  // Read-only settings (setUp, defaultLabel): accepted, never applied.
  setUp: setting,
  defaultLabel: setting
});

/** conversation.transfer: to one agent of the chat's space, or back to a space's queue (only the chat's own is accepted, by the domain). */
export const transferTarget = z.union([z.strictObject({ accountId }), z.strictObject({ projectKey })], {
  error: 'must be { accountId } or { projectKey }'
});

/** conversation.history: a page of at most 50 (the use case's default is 20); `before` is the previous page's. */
const HISTORY_PAGE_MAX = 50;
export const historyInput = z.strictObject({
  before: z.string({ error: "must be the previous page's `before`" }).max(200, "must be the previous page's `before`").optional(),
  limit: z
    .number({ error: `must be 1 to ${HISTORY_PAGE_MAX}` })
    .int(`must be 1 to ${HISTORY_PAGE_MAX}`)
    .min(1, `must be 1 to ${HISTORY_PAGE_MAX}`)
    .max(HISTORY_PAGE_MAX, `must be 1 to ${HISTORY_PAGE_MAX}`)
    .optional()
});

/** SR1: a saved reply's id (made by the backend for a new one). */
export const savedReplyId = z.string({ error: 'must be a saved reply id' }).regex(/^[A-Za-z0-9_-]{1,64}$/, 'must be a saved reply id');

/** SR1 space.savedReplies.save: a new reply without `id`, an edit with it. Title and text are the domain's to check, naming each field. */
export const savedReplySaveInput = z.strictObject({ projectKey, id: savedReplyId.optional(), title: z.unknown(), text: z.unknown() });

/**
 * chat.attach / conversation.attach: one part of a file (src/domain/attachment.ts). The sizes and
 * the content are the domain's to check (a typed `invalid` naming the field, or `too_large`);
 * here only the shapes, and a part's base64 at most one KVS value.
 */
const uploadId = z
  .string({ error: 'must be an upload id' })
  .regex(/^[A-Za-z0-9_-]{8,64}$/, 'must be an upload id (8–64 letters, digits, - or _)');
export const attachmentPart = {
  uploadId,
  fileName: z.string({ error: 'must be a file name' }).max(1_000, 'must be a file name'),
  size: z.number({ error: 'must be a number of bytes' }),
  part: z.number({ error: 'must be a part number' }),
  data: z.string({ error: 'must be base64' }).max(240 * 1024, 'must be one part of at most 176 KiB (240 KiB of base64)')
};
export const attachmentRead = {
  attachmentId: uploadId,
  from: z.number({ error: 'must be a part number' }).int('must be a part number').min(0, 'must be 0 or more').default(0)
};
