import type { AttachmentRef } from '../../domain';
/**
 * Realtime pushes (best effort: every page also polls `chat.get` / `agent.me`). Channels
 * carrying content are named from a secret only the authorised party learns (R18, R24) and
 * are listened to by that party alone; every channel carries the app's token: a page can
 * listen only with the token a read operation gave it. On a party's own channel that token
 * also publishes (one signing instead of two), which reaches nobody but the party; on the
 * queue's signal, shared by the space's waiting customers, it is subscribe-only.
 */

/**
 * Where a page listens, for the read operations to return. The token expires; reads hand out
 * a fresh one well before that, so a page that reads again (on every push it cannot apply, and
 * its 5-minute poll) moves to it in time. Without a token (signing failed, or the chat is
 * over) the page polls only.
 */
export interface PushChannel {
  readonly channel: string;
  readonly token?: string;
}

export type CustomerPush =
  | { readonly type: 'status'; readonly status: string; readonly agentName?: string | null }
  | {
      readonly type: 'message';
      readonly seq: number;
      readonly from: 'agent';
      readonly text: string;
      readonly at: number;
      readonly attachment?: AttachmentRef;
    }
  | { readonly type: 'typing' }
  | { readonly type: 'fallback'; readonly text: string }
  | { readonly type: 'ended'; readonly status: string };

export type AgentPush =
  | {
      readonly type: 'offer';
      readonly conversationId: string;
      readonly projectKey: string;
      readonly summary: string;
      readonly expiresAt: number;
      /** Transfer: the name (or id) of the agent handing this running chat over. */
      readonly transferFrom?: string;
    }
  /** Transfer: to the agent who asked for it: accepted by `to` (reason null; `to` null: back to the queue), or returned. */
  | { readonly type: 'transferEnded'; readonly conversationId: string; readonly to: string | null; readonly reason: string | null }
  | { readonly type: 'offerWithdrawn'; readonly conversationId: string; readonly reason: string }
  | { readonly type: 'status'; readonly status: string; readonly reason: 'agent' | 'offerTimeout' }
  | {
      readonly type: 'notify';
      readonly reason: 'newChat' | 'newMessage' | 'replyReminder';
      readonly conversationId: string;
      readonly projectKey: string;
      /** Only to the assignee (reminder, new message): R18 keeps a new chat's summary from those not offered it. */
      readonly summary?: string;
      /** R20's new message itself, for the assignee's open chat view to show without reading again. */
      readonly message?: PushedMessage;
    }
  | { readonly type: 'conversation'; readonly conversationId: string; readonly status: string }
  | ({ readonly type: 'message'; readonly conversationId: string } & PushedMessage)
  | { readonly type: 'typing'; readonly conversationId: string };

/** A message as the agent's pages are pushed it. */
export interface PushedMessage {
  readonly seq: number;
  readonly from: 'customer' | 'agent';
  readonly text: string;
  readonly at: number;
  readonly attachment?: AttachmentRef;
}

export interface ChatPushes {
  toCustomer(channel: string, push: CustomerPush): Promise<void>;
  toAgents(accountIds: readonly string[], push: AgentPush): Promise<void>;
  /** R11: a space's queue moved; waiting customers re-read their position (no content). */
  queueMoved(projectKey: string): Promise<void>;
  /** The customer's channel (named from their chat's secret) with its token, for the widget. */
  customerChannel(channel: string): Promise<PushChannel>;
  /** R11: where `queueMoved` signals, for the waiting customers' widgets to listen on (it carries no content). */
  queueChannel(projectKey: string): Promise<PushChannel>;
  /** The agent's own channel, for their inbox and chat view to subscribe to. */
  agentChannel(accountId: string): Promise<PushChannel>;
}
