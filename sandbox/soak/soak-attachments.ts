import { ATTACHMENT_PART_BYTES } from '../../src/domain';
import type { ChatWorld, StartedChat } from '../../src/app/routing/testing/chat-world';
import { InvariantBreach } from '../../src/app/routing/testing/routing-invariants';

/** Codes a file may be refused with under faults and races; any other (invalid, too_large, forbidden, internal) is a breach. */
const EXPECTED_REFUSALS = ['unavailable', 'conflict', 'rate_limited'];

interface Upload {
  readonly chat: StartedChat;
  readonly uploadId: string;
  readonly fileName: string;
  readonly bytes: Buffer;
  /** The app answered with the file's message: it must be on the work item and in the chat, once. */
  delivered: boolean;
}

/**
 * Customers send photos (one part, or two) in the soak's chats, and sometimes send the same
 * upload again (a lost answer): A1's invariants, checked when everything settled, are that a
 * delivered file is on its work item exactly once and in its chat exactly once, and that no
 * upload, delivered or not, is ever on a work item twice.
 */
export class SoakAttachments {
  private readonly uploads: Upload[] = [];
  refused: Record<string, number> = {};

  constructor(private readonly world: ChatWorld) {}

  get sent(): number {
    return this.uploads.length;
  }

  get delivered(): number {
    return this.uploads.filter((u) => u.delivered).length;
  }

  /** A customer's photo, sent part by part; `again`: the whole upload once more, as after a lost answer. */
  async send(chat: StartedChat, rand: () => number, call: (op: string, payload: unknown) => Promise<Record<string, unknown>>) {
    const n = this.uploads.length;
    const size = rand() < 0.2 ? ATTACHMENT_PART_BYTES + 1000 + n : 1500 + n;
    const upload: Upload = {
      chat,
      uploadId: `soak-${String(n).padStart(6, '0')}`,
      fileName: `photo-${n}.png`,
      bytes: photo(size, n),
      delivered: false
    };
    this.uploads.push(upload);
    const attempts = rand() < 0.3 ? 2 : 1;
    for (let attempt = 0; attempt < attempts; attempt += 1) {
      for (let part = 0; part * ATTACHMENT_PART_BYTES < size; part += 1) {
        const data = upload.bytes.subarray(part * ATTACHMENT_PART_BYTES, (part + 1) * ATTACHMENT_PART_BYTES).toString('base64');
        const answer = await call('chat.attach', {
          conversationId: chat.conversationId,
          token: chat.token,
          uploadId: upload.uploadId,
          fileName: upload.fileName,
          size,
          part,
          data
        });
        if ('error' in answer) {
          const code = (answer as { error: { code: string } }).error.code;
          if (!EXPECTED_REFUSALS.includes(code)) throw new InvariantBreach('A1', `chat.attach answered ${code} for ${upload.uploadId}`);
          this.refused[code] = (this.refused[code] ?? 0) + 1;
          break;
        }
        if ((answer as { message?: unknown }).message) upload.delivered = true;
      }
    }
  }

  /** Once settled: delivered files on their work item once, with their bytes, and in their chat once; nothing twice. */
  checkSettled(): void {
    const inChats = new Map<string, number>();
    for (const { value } of this.world.sandbox.kvs.entityItems<{ attachment?: { id: string } }>('chat-message')) {
      if (value.attachment) inChats.set(value.attachment.id, (inChats.get(value.attachment.id) ?? 0) + 1);
    }
    for (const upload of this.uploads) {
      const onItem = this.world.sandbox.jira.attachments(upload.chat.workItemKey).filter((a) => a.filename === upload.fileName);
      if (onItem.length > 1) throw new InvariantBreach('A1', `${upload.uploadId} is on ${upload.chat.workItemKey} ${onItem.length} times`);
      if ((inChats.get(upload.uploadId) ?? 0) > 1) throw new InvariantBreach('A1', `${upload.uploadId} is in its chat twice`);
      if (!upload.delivered) continue;
      if (onItem.length !== 1) throw new InvariantBreach('A1', `${upload.uploadId} was delivered but is not on ${upload.chat.workItemKey}`);
      if (!Buffer.from(onItem[0].base64, 'base64').equals(upload.bytes))
        throw new InvariantBreach('A1', `${upload.uploadId} changed on its way`);
      if (inChats.get(upload.uploadId) !== 1) throw new InvariantBreach('A1', `${upload.uploadId} was delivered but is not in its chat`);
    }
  }
}

/** A file with a PNG's signature (the server decides the type by content), different for each upload. */
function photo(size: number, n: number): Buffer {
  const bytes = Buffer.alloc(size);
  for (let i = 0; i < size; i += 1) bytes[i] = (i * 31 + n) % 251;
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]).copy(bytes);
  return bytes;
}
