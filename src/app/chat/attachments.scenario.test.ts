import { ATTACHMENT_MAX_BYTES, ATTACHMENT_PART_BYTES } from '../../domain';
import { INVOKE_PAYLOAD_MAX_BYTES } from '../../../sandbox/runtime/app-host';
import { APP_ACCOUNT } from '../../../sandbox/jira/site-state';
import { ChatWorld, supportDesk, type Answer, type StartedChat } from '../routing/testing/chat-world';

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

/** A file of `size` bytes that starts as `head` says (the rest is a pattern, so parts differ). */
function file(size: number, head: readonly number[] = PNG_SIGNATURE): Buffer {
  const bytes = Buffer.alloc(size);
  for (let i = 0; i < size; i += 1) bytes[i] = (i * 31 + 7) % 251;
  Buffer.from(head).copy(bytes);
  return bytes;
}

const pdf = (size: number) => file(size, [...Buffer.from('%PDF-1.7\n')]);

interface Sender {
  readonly as: string | null;
  readonly operation: 'chat.attach' | 'conversation.attach';
  readonly proof: Record<string, string>;
}

const customerOf = (chat: StartedChat): Sender => ({
  as: 'customer-dana',
  operation: 'chat.attach',
  proof: { conversationId: chat.conversationId, token: chat.token }
});
const agentOf = (chat: StartedChat, agentId = 'agent-ana'): Sender => ({
  as: agentId,
  operation: 'conversation.attach',
  proof: { conversationId: chat.conversationId }
});

function partPayload(sender: Sender, bytes: Buffer, part: number, meta: { uploadId: string; fileName: string; size?: number }) {
  const data = bytes.subarray(part * ATTACHMENT_PART_BYTES, (part + 1) * ATTACHMENT_PART_BYTES).toString('base64');
  return { ...sender.proof, uploadId: meta.uploadId, fileName: meta.fileName, size: meta.size ?? bytes.length, part, data };
}

/** Sends every part in order, as the pages do; answers the last part's answer. */
async function upload(world: ChatWorld, sender: Sender, bytes: Buffer, meta: { uploadId: string; fileName: string }): Promise<Answer> {
  const parts = Math.ceil(bytes.length / ATTACHMENT_PART_BYTES);
  let answer: Answer = {};
  for (let part = 0; part < parts; part += 1) answer = await world.ok(sender.operation, partPayload(sender, bytes, part, meta), sender.as);
  return answer;
}

/** Reads a file back as a page does (parts in batches), joined. */
async function readBack(world: ChatWorld, chat: StartedChat, attachmentId: string, as: 'customer' | string): Promise<Buffer> {
  const data: string[] = [];
  let parts = 1;
  while (data.length < parts) {
    const answer =
      as === 'customer'
        ? await world.ok<{ parts: number; data: string[] }>(
            'chat.attachment',
            { conversationId: chat.conversationId, token: chat.token, attachmentId, from: data.length },
            'customer-dana'
          )
        : await world.ok<{ parts: number; data: string[] }>(
            'conversation.attachment',
            { conversationId: chat.conversationId, attachmentId, from: data.length },
            as
          );
    parts = answer.parts;
    data.push(...answer.data);
  }
  return Buffer.concat(data.map((d) => Buffer.from(d, 'base64')));
}

describe('A1: attachments both ways, checked on the server, on the work item and in the chat', () => {
  let world: ChatWorld;
  let chat: StartedChat;

  beforeEach(async () => {
    world = await supportDesk(['agent-ana']);
    chat = await world.start();
    await world.ok('offer.accept', { conversationId: chat.conversationId }, 'agent-ana');
  });
  afterEach(() => world.close());

  it('A1: a customer’s photo travels in parts, lands on the work item through the app, and the agent reads it back whole', async () => {
    const photo = file(ATTACHMENT_PART_BYTES * 2 + 1234);
    const answer = await upload(world, customerOf(chat), photo, { uploadId: 'photo-0001', fileName: 'router-lights.png' });
    expect(answer).toMatchObject({
      received: 3,
      parts: 3,
      message: {
        seq: expect.any(Number),
        attachment: { id: 'photo-0001', fileName: 'router-lights.png', mimeType: 'image/png', kind: 'image', size: photo.length }
      }
    });

    const [onJira] = world.sandbox.jira.attachments(chat.workItemKey);
    expect(onJira).toMatchObject({
      filename: 'router-lights.png',
      size: photo.length,
      mimeType: 'image/png',
      authorId: APP_ACCOUNT.accountId
    });
    expect(Buffer.from(onJira.base64, 'base64').equals(photo)).toBe(true);

    const seen = await world.ok<{ messages: { seq: number; from: string; text: string; attachment?: Answer }[] }>(
      'conversation.get',
      { conversationId: chat.conversationId },
      'agent-ana'
    );
    const message = seen.messages.find((m) => m.attachment);
    expect(message).toMatchObject({ from: 'customer', text: 'router-lights.png', attachment: { id: 'photo-0001', jiraId: onJira.id } });
    expect((await readBack(world, chat, 'photo-0001', 'agent-ana')).equals(photo)).toBe(true);
  });

  it('A1: an agent’s PDF is put on the work item as the agent (asUser), and the customer reads it back', async () => {
    const guide = pdf(5000);
    await upload(world, agentOf(chat), guide, { uploadId: 'guide-0001', fileName: 'reset-guide.pdf' });
    expect(world.sandbox.jira.attachments(chat.workItemKey)).toEqual([
      expect.objectContaining({ filename: 'reset-guide.pdf', authorId: 'agent-ana', mimeType: 'application/pdf' })
    ]);
    const read = await world.ok<{ messages: { attachment?: Answer }[] }>(
      'chat.get',
      { conversationId: chat.conversationId, token: chat.token },
      'customer-dana'
    );
    expect(read.messages.find((m) => m.attachment)?.attachment).toMatchObject({ kind: 'pdf', fileName: 'reset-guide.pdf' });
    expect((await readBack(world, chat, 'guide-0001', 'customer')).equals(guide)).toBe(true);
  });

  it('A1: a file that is no image or PDF, whatever its name, is refused as invalid data and changes nothing', async () => {
    const before = world.everything();
    const exe = file(4000, [0x4d, 0x5a, 0x90, 0x00]);
    const error = await world.fails(
      'chat.attach',
      partPayload(customerOf(chat), exe, 0, { uploadId: 'fake-0001', fileName: 'photo.png' }),
      'customer-dana'
    );
    expect(error).toMatchObject({ code: 'invalid', fields: { data: expect.stringContaining('PNG') } });
    expect(world.everything()).toBe(before);
  });

  it('A1: a file over 10 MB is refused as too_large before any part is kept', async () => {
    const before = world.everything();
    const first = file(ATTACHMENT_PART_BYTES);
    const payload = {
      ...partPayload(customerOf(chat), first, 0, { uploadId: 'big-00001', fileName: 'big.png' }),
      size: ATTACHMENT_MAX_BYTES + 1
    };
    expect((await world.fails('chat.attach', payload, 'customer-dana')).code).toBe('too_large');
    expect(world.everything()).toBe(before);
  });

  it('A1: a part of the wrong length, or a later part first, is refused and changes nothing', async () => {
    const photo = file(ATTACHMENT_PART_BYTES + 10);
    const before = world.everything();
    const short = {
      ...partPayload(customerOf(chat), photo, 0, { uploadId: 'short-0001', fileName: 'a.png' }),
      data: photo.subarray(0, 100).toString('base64')
    };
    expect(await world.fails('chat.attach', short, 'customer-dana')).toMatchObject({
      code: 'invalid',
      fields: { data: expect.any(String) }
    });
    const later = partPayload(customerOf(chat), photo, 1, { uploadId: 'later-0001', fileName: 'a.png' });
    expect((await world.fails('chat.attach', later, 'customer-dana')).code).toBe('conflict');
    expect(world.everything()).toBe(before);
  });

  it('A1: a retried part and a retried upload (the same upload id) make one attachment and one message', async () => {
    const photo = file(ATTACHMENT_PART_BYTES + 500);
    const meta = { uploadId: 'retry-0001', fileName: 'screen.png' };
    const sender = customerOf(chat);
    await world.ok('chat.attach', partPayload(sender, photo, 0, meta), 'customer-dana');
    await world.ok('chat.attach', partPayload(sender, photo, 0, meta), 'customer-dana'); // the answer was lost: sent again
    const first = await world.ok('chat.attach', partPayload(sender, photo, 1, meta), 'customer-dana');
    const again = await upload(world, sender, photo, meta); // the page sends the whole file again
    expect(again).toEqual(first);
    expect(world.sandbox.jira.attachments(chat.workItemKey)).toHaveLength(1);
    const read = await world.ok<{ messages: { attachment?: Answer }[] }>(
      'conversation.get',
      { conversationId: chat.conversationId },
      'agent-ana'
    );
    expect(read.messages.filter((m) => m.attachment)).toHaveLength(1);
  });

  it('A1: an upload id already used for another file is refused', async () => {
    await upload(world, customerOf(chat), file(1000), { uploadId: 'taken-0001', fileName: 'one.png' });
    const other = partPayload(customerOf(chat), file(2000), 0, { uploadId: 'taken-0001', fileName: 'two.png' });
    expect(await world.fails('chat.attach', other, 'customer-dana')).toMatchObject({
      code: 'conflict',
      fields: { uploadId: expect.any(String) }
    });
  });

  it('A1: a site whose attachment limit is lower answers Jira’s 413 as too_large, and no message is written', async () => {
    world.sandbox.jira.setAttachmentLimit(1000);
    const photo = file(5000);
    const error = await world.fails(
      'chat.attach',
      partPayload(customerOf(chat), photo, 0, { uploadId: 'limit-0001', fileName: 'a.png' }),
      'customer-dana'
    );
    expect(error.code).toBe('too_large');
    expect(world.sandbox.jira.attachments(chat.workItemKey)).toEqual([]);
    const read = await world.ok<{ messages: { attachment?: Answer }[] }>(
      'conversation.get',
      { conversationId: chat.conversationId },
      'agent-ana'
    );
    expect(read.messages.some((m) => m.attachment)).toBe(false);
  });

  it('A1: only the chat’s people read its files (R18, R24): another agent and a wrong token are refused', async () => {
    await upload(world, customerOf(chat), file(1000), { uploadId: 'secret-001', fileName: 'id-card.png' });
    expect(
      (await world.fails('conversation.attachment', { conversationId: chat.conversationId, attachmentId: 'secret-001' }, 'agent-ben')).code
    ).toBe('forbidden');
    expect(
      (await world.fails('chat.attachment', { conversationId: chat.conversationId, token: 'guess', attachmentId: 'secret-001' }, null)).code
    ).toBe('forbidden');
  });

  it('A1: the sandbox refuses a resolver payload over Forge’s 5 MiB, so a whole file cannot go in one call', async () => {
    const payload = {
      ...customerOf(chat).proof,
      uploadId: 'huge-0001',
      fileName: 'a.png',
      size: 6_000_000,
      part: 0,
      data: 'A'.repeat(INVOKE_PAYLOAD_MAX_BYTES)
    };
    await expect(world.call('chat.attach', payload, 'customer-dana')).rejects.toThrow(/5242880 bytes/);
  });
});
