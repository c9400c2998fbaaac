/**
 * The chat survives a reload (and a move between portal pages) through sessionStorage: the
 * conversation id and its secret token (R24), and the AI turns the widget shows above the live
 * chat. Per space; gone when the browser tab closes.
 */
import type { AiTurn, ChatHandle } from './widget-state';

export interface StoredChat {
  readonly chat: ChatHandle | null;
  readonly aiTurns: readonly AiTurn[];
}

export function sessionKey(projectKey: string): string {
  return `live-chat:${projectKey}`;
}

export function serialize(stored: StoredChat): string {
  return JSON.stringify(stored);
}

/** Whatever is stored, or null when it is missing or not ours (never throws on bad data). */
export function parse(text: string | null): StoredChat | null {
  if (!text) return null;
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return null;
  }
  if (typeof value !== 'object' || value === null) return null;
  const { chat, aiTurns } = value as { chat?: unknown; aiTurns?: unknown };
  const turns = Array.isArray(aiTurns) ? aiTurns.filter(isTurn) : [];
  return { chat: isHandle(chat) ? chat : null, aiTurns: turns };
}

function isHandle(value: unknown): value is ChatHandle {
  const v = value as Partial<ChatHandle> | null;
  return (
    typeof v === 'object' &&
    v !== null &&
    typeof v.conversationId === 'string' &&
    typeof v.token === 'string' &&
    typeof v.workItemKey === 'string'
  );
}

function isTurn(value: unknown): value is AiTurn {
  const v = value as Partial<AiTurn> | null;
  return typeof v === 'object' && v !== null && (v.from === 'customer' || v.from === 'ai') && typeof v.text === 'string';
}

/** sessionStorage, when the browser lets the frame use it (some block storage in iframes). */
export function storage(): Pick<Storage, 'getItem' | 'setItem' | 'removeItem'> | null {
  try {
    return window.sessionStorage;
  } catch {
    return null;
  }
}
