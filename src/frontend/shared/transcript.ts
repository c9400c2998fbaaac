/**
 * A conversation's messages as the pages show them: merged by `seq` as pages of them arrive
 * (`afterSeq`), split into the AI part and the live chat, and grouped by sender.
 */
import type { AttachmentRef } from '../../domain';

export type Sender = 'customer' | 'ai' | 'agent' | 'system';

export interface Message {
  readonly seq: number;
  readonly from: Sender;
  readonly text: string;
  readonly at: number;
  /** Transfer: the writing agent's name, when more than one agent wrote in the chat. */
  readonly authorName?: string;
  /** A file (README, "Operations beyond PRODUCT.md"): its text is the file name. */
  readonly attachment?: AttachmentRef;
}

/** Adds new messages, ignoring ones already held (a push and a poll may bring the same). */
export function mergeMessages(held: readonly Message[], incoming: readonly Message[]): Message[] {
  if (incoming.length === 0) return held as Message[];
  const bySeq = new Map(held.map((m) => [m.seq, m]));
  for (const message of incoming) bySeq.set(message.seq, message);
  return [...bySeq.values()].sort((a, b) => a.seq - b.seq);
}

/** The `afterSeq` for the next read: the newest held message, or none. */
export function lastSeq(messages: readonly Message[]): number | undefined {
  return messages.length === 0 ? undefined : messages[messages.length - 1].seq;
}

export interface TranscriptPart {
  /** `ai`: the customer with the AI, before the handoff; `live`: with the agent. */
  readonly part: 'ai' | 'live';
  readonly messages: readonly Message[];
}

/**
 * Where the AI part ends. `aiTurns`, when the backend sends it, is the number of leading
 * messages that were the AI chat. Without it, the AI part runs up to the AI's last message
 * (its handoff reply): what the customer writes after it, even while waiting, is the live chat.
 */
export function splitAtHandoff(messages: readonly Message[], aiTurns?: number): TranscriptPart[] {
  let end = 0;
  if (aiTurns !== undefined) end = Math.min(Math.max(0, aiTurns), messages.length);
  else
    messages.forEach((m, i) => {
      if (m.from === 'ai') end = i + 1;
    });
  const parts: TranscriptPart[] = [];
  if (end > 0) parts.push({ part: 'ai', messages: messages.slice(0, end) });
  if (end < messages.length) parts.push({ part: 'live', messages: messages.slice(end) });
  return parts;
}

export interface SenderGroup {
  readonly from: Sender;
  readonly messages: readonly Message[];
}

/** Consecutive messages of one sender (one agent, after a transfer), shown under one name. System lines stand alone. */
export function groupBySender(messages: readonly Message[]): SenderGroup[] {
  const groups: { from: Sender; messages: Message[] }[] = [];
  for (const message of messages) {
    const last = groups[groups.length - 1];
    const sameAuthor = last?.messages[0].authorName === message.authorName;
    if (last && last.from === message.from && sameAuthor && message.from !== 'system') last.messages.push(message);
    else groups.push({ from: message.from, messages: [message] });
  }
  return groups;
}

export interface ContextLine {
  readonly from: 'customer' | 'ai' | null;
  readonly text: string;
}

/**
 * The AI context of an offer or conversation is the AI conversation as text, one
 * "Customer: ..." / "AI: ..." turn per line (R15). Lines without a prefix continue the turn
 * before them; text with no prefix at all stays one block.
 */
export function parseContext(context: string): ContextLine[] {
  const lines: { from: 'customer' | 'ai' | null; text: string }[] = [];
  for (const raw of context.split(/\r?\n/)) {
    const match = /^(customer|ai|assistant)\s*:\s?(.*)$/i.exec(raw);
    if (match) {
      lines.push({ from: match[1].toLowerCase() === 'customer' ? 'customer' : 'ai', text: match[2] });
    } else if (lines.length > 0) {
      lines[lines.length - 1].text += `\n${raw}`;
    } else if (raw.trim() !== '') {
      lines.push({ from: null, text: raw });
    }
  }
  return lines.map((line) => ({ from: line.from, text: line.text.trim() })).filter((line) => line.text !== '');
}

/** The name over a message group: its own author's (after a transfer), else the chat's customer or agent. */
export function senderLabel(from: Sender, names: { agent?: string; customer?: string } = {}, authorName?: string): string {
  if (from === 'agent' && authorName) return authorName;
  switch (from) {
    case 'customer':
      return names.customer || 'Customer';
    case 'ai':
      return 'AI assistant';
    case 'agent':
      return names.agent || 'Agent';
    case 'system':
      return 'Live chat';
  }
}
