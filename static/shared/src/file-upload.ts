/**
 * Sends a file the way the backend takes it (src/domain/attachment.ts): in parts of 176 KiB,
 * each base64, under one upload id, so a retried part or a retried file makes one attachment.
 * The size and type are checked here only to answer at once; the server checks them again, by
 * content, and its answer is the one that counts.
 */
import type { Outcome } from '../../../src/frontend/shared/operation-result';

export const PART_BYTES = 176 * 1024;
export const MAX_FILE_BYTES = 10 * 1024 * 1024;
export const ACCEPTED_TYPES = 'image/png,image/jpeg,image/gif,image/webp,application/pdf';

export interface PartInput {
  readonly uploadId: string;
  readonly fileName: string;
  readonly size: number;
  readonly part: number;
  readonly data: string;
}

export type SendPart = (part: PartInput) => Promise<Outcome<unknown>>;

/** Tries each part this many times while the answer is `unavailable` (storage or Jira busy). */
const ATTEMPTS = 3;

export async function uploadFile(file: Blob & { name: string }, sendPart: SendPart, uploadId = newUploadId()): Promise<Outcome<unknown>> {
  if (file.size > MAX_FILE_BYTES) {
    return { ok: false, error: { code: 'too_large', message: `${file.name} is over 10 MB: files can be at most 10 MB.`, fields: {} } };
  }
  const parts = Math.max(1, Math.ceil(file.size / PART_BYTES));
  let outcome: Outcome<unknown> = { ok: true, value: null };
  for (let part = 0; part < parts; part += 1) {
    const data = await base64(file.slice(part * PART_BYTES, (part + 1) * PART_BYTES));
    for (let attempt = 1; attempt <= ATTEMPTS; attempt += 1) {
      outcome = await sendPart({ uploadId, fileName: file.name, size: file.size, part, data });
      if (outcome.ok || outcome.error.code !== 'unavailable') break;
    }
    if (!outcome.ok) return outcome;
  }
  return outcome;
}

export function newUploadId(): string {
  const random = globalThis.crypto?.randomUUID?.();
  return random ?? `u${Date.now().toString(36)}${Math.random().toString(36).slice(2, 12)}`;
}

async function base64(blob: Blob): Promise<string> {
  const bytes = new Uint8Array(await blob.arrayBuffer());
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

/** The parts of a sent file, read back for its preview. */
export type ReadFile = (attachmentId: string, from: number) => Promise<Outcome<{ mimeType: string; parts: number; data: string[] }>>;

/** The file as a Blob (for a `blob:` URL, which the frames' CSP allows as an image source). */
export async function fetchFile(attachmentId: string, read: ReadFile): Promise<Outcome<Blob>> {
  const chunks: Uint8Array[] = [];
  let parts = 1;
  let mimeType = 'application/octet-stream';
  while (chunks.length < parts) {
    const outcome = await read(attachmentId, chunks.length);
    if (!outcome.ok) return outcome;
    parts = outcome.value.parts;
    mimeType = outcome.value.mimeType;
    if (outcome.value.data.length === 0) break;
    for (const data of outcome.value.data) chunks.push(Uint8Array.from(atob(data), (c) => c.charCodeAt(0)));
  }
  return { ok: true, value: new Blob(chunks as BlobPart[], { type: mimeType }) };
}
