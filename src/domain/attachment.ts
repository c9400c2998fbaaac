/**
 * Attachments in a chat (README, "Operations beyond PRODUCT.md": `chat.attach`,
 * `conversation.attach`): images (PNG, JPEG, GIF, WebP) and PDFs up to 10 MB, either way.
 * A file's type is what its first bytes say (its magic number), never its name or the MIME
 * type the client claims: a page can send anything.
 *
 * A 10 MB file does not fit one resolver call (Forge's GraphQL gateway takes 5 MiB a request,
 * and a file travels as base64, a third larger), so it travels in parts, each one KVS value
 * (at most 240 KiB stored; a part of 176 KiB is 240,300 base64 characters), and is put on the
 * work item when the last part arrives.
 */
import { fail, ok, type Result } from './result';

export const ATTACHMENT_MAX_BYTES = 10 * 1024 * 1024;
/** One part of an upload, raw bytes: its base64 (4/3 of it) stays under KVS's 240 KiB value. */
export const ATTACHMENT_PART_BYTES = 176 * 1024;
export const ATTACHMENT_NAME_MAX_CHARS = 255;

export type AttachmentKind = 'image' | 'pdf';

export interface AttachmentType {
  readonly mimeType: 'image/png' | 'image/jpeg' | 'image/gif' | 'image/webp' | 'application/pdf';
  readonly kind: AttachmentKind;
}

/** What a chat message carries when it is an attachment (the message's text is the file name). */
export interface AttachmentRef {
  /** The upload's id, chosen by the sender's page: a retried part or upload finds the same attachment. */
  readonly id: string;
  readonly fileName: string;
  readonly mimeType: AttachmentType['mimeType'];
  readonly kind: AttachmentKind;
  readonly size: number;
  readonly parts: number;
  /** The attachment's id on the work item (Jira's), once it is there. */
  readonly jiraId: string | null;
}

const startsWith = (bytes: Uint8Array, signature: readonly number[], at = 0) =>
  bytes.length >= at + signature.length && signature.every((byte, i) => bytes[at + i] === byte);

const ascii = (text: string) => [...text].map((c) => c.charCodeAt(0));

/** The allowed types by their magic numbers; anything else is refused. */
export function sniffType(head: Uint8Array): AttachmentType | null {
  if (startsWith(head, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return { mimeType: 'image/png', kind: 'image' };
  if (startsWith(head, [0xff, 0xd8, 0xff])) return { mimeType: 'image/jpeg', kind: 'image' };
  if (startsWith(head, ascii('GIF87a')) || startsWith(head, ascii('GIF89a'))) return { mimeType: 'image/gif', kind: 'image' };
  if (startsWith(head, ascii('RIFF')) && startsWith(head, ascii('WEBP'), 8)) return { mimeType: 'image/webp', kind: 'image' };
  if (startsWith(head, ascii('%PDF-'))) return { mimeType: 'application/pdf', kind: 'pdf' };
  return null;
}

/** How many parts a file of `size` bytes travels in. */
export function partCount(size: number): number {
  return Math.max(1, Math.ceil(size / ATTACHMENT_PART_BYTES));
}

/** The length part `index` must have (every part is full but the last). */
export function partLength(size: number, index: number): number {
  const parts = partCount(size);
  return index < parts - 1 ? ATTACHMENT_PART_BYTES : size - ATTACHMENT_PART_BYTES * (parts - 1);
}

/** What the sender declares with every part: checked before a byte is kept. */
export interface UploadDeclaration {
  readonly fileName: string;
  readonly size: number;
  readonly part: number;
  readonly length: number;
}

/**
 * Refuses a part that cannot belong to an allowed upload: the size (`too_large` over 10 MB),
 * an empty file or name, a part out of range or of the wrong length (`invalid`, with the field).
 */
export function checkPart(declared: UploadDeclaration): Result<{ parts: number; last: boolean }> {
  const { fileName, size, part, length } = declared;
  if (fileName.trim().length === 0 || [...fileName].length > ATTACHMENT_NAME_MAX_CHARS || hasPathOrControl(fileName)) {
    return fail('invalid', `fileName must be 1–${ATTACHMENT_NAME_MAX_CHARS} characters, with no slash or control character.`, [
      { field: 'fileName', message: `must be 1–${ATTACHMENT_NAME_MAX_CHARS} characters, with no slash or control character` }
    ]);
  }
  if (!Number.isInteger(size) || size < 1)
    return fail('invalid', 'size must be a whole number of bytes above 0.', [{ field: 'size', message: 'must be above 0' }]);
  if (size > ATTACHMENT_MAX_BYTES) return fail('too_large', `The file is ${megabytes(size)}; files can be at most 10 MB.`);
  const parts = partCount(size);
  if (!Number.isInteger(part) || part < 0 || part >= parts)
    return fail('invalid', `part must be 0–${parts - 1}.`, [{ field: 'part', message: `must be 0–${parts - 1}` }]);
  if (length !== partLength(size, part)) {
    return fail('invalid', `Part ${part} must hold ${partLength(size, part)} bytes, not ${length}.`, [
      { field: 'data', message: `must hold ${partLength(size, part)} bytes` }
    ]);
  }
  return ok({ parts, last: part === parts - 1 });
}

/** The first part decides the type: only images and PDFs, by their content. */
export function checkType(firstPart: Uint8Array): Result<AttachmentType> {
  const type = sniffType(firstPart);
  if (type) return ok(type);
  return fail('invalid', 'Only images (PNG, JPEG, GIF, WebP) and PDF files can be sent.', [
    { field: 'data', message: 'must be a PNG, JPEG, GIF or WebP image, or a PDF' }
  ]);
}

function megabytes(bytes: number): string {
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

/** A slash (a path) or a control character has no place in a file name. */
function hasPathOrControl(fileName: string): boolean {
  return [...fileName].some((c) => c === '/' || c === '\\' || c.charCodeAt(0) < 0x20 || c.charCodeAt(0) === 0x7f);
}
