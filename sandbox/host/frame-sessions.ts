import { randomUUID } from 'node:crypto';
import type { ExtensionContext } from '../runtime/app-host';

/**
 * Who an app frame runs for, decided by the server when it renders the host page (from the
 * user chosen in the host chrome), never by the frame. The host page holds the frame's token
 * and sends it with each bridge call; the server answers with the session's identity and
 * module context, whatever the frame's payload says.
 */
export interface FrameSession {
  token: string;
  /** undefined: an anonymous portal visitor. */
  accountId?: string;
  moduleKey: string;
  moduleType: string;
  resourceKey: string;
  render: 'native' | 'custom';
  extension: ExtensionContext;
}

const MAX_SESSIONS = 5_000;

export class FrameSessions {
  private readonly sessions = new Map<string, FrameSession>();

  issue(session: Omit<FrameSession, 'token'>): FrameSession {
    const full = { ...session, token: randomUUID() };
    this.sessions.set(full.token, full);
    // Oldest first: a Map iterates in insertion order.
    while (this.sessions.size > MAX_SESSIONS) this.sessions.delete(this.sessions.keys().next().value as string);
    return full;
  }

  get(token: unknown): FrameSession | undefined {
    return typeof token === 'string' ? this.sessions.get(token) : undefined;
  }
}
