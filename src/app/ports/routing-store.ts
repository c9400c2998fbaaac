import type { Agent, Conversation, CountedEvent, PortalPage } from '../../domain';
import type { AiTurn, ChatMessage } from './chat-messages';
import type { WorkItemStep } from './work-items';

/**
 * Routing's records in storage (owned by the routing part of the backend). Every record
 * carries the `version` it was read at, and every write is conditional on it, so two
 * decisions taken on the same record can never both be written.
 */

/** What the shell keeps beside a domain conversation: nothing here decides routing. */
export interface ConversationDetails {
  /** R15: the AI's summary of the need (the work item's summary). */
  readonly summary: string;
  /**
   * How many turns the AI conversation before the handoff had (R15, R18: the offered
   * agent's context). They are kept once, apart (see MessageStore.aiTurns), and read as
   * messages 1..aiTurns; the live chat's messages follow.
   */
  readonly aiTurns: number;
  readonly workItemKey: string;
  /** R24: SHA-256 of the customer's secret; the secret itself is never stored. */
  readonly tokenHash: string;
  /** The customer's realtime channel (derived from the secret, so only they can name it). */
  readonly channel: string;
  readonly customerAccountId: string | null;
  readonly customerName: string;
  /** The assignee's display name, looked up once at accept (R23). */
  readonly agentName: string | null;
  /** R18: agents the assignee invited; they read and write like the assignee. */
  readonly participants: readonly string[];
  /**
   * Transfer: agents who held the chat before its assignee (it was handed over, or put back in
   * the queue). They take no part in the running chat; once it ended they read it (History).
   * Absent: none.
   */
  readonly formerAssignees?: readonly string[];
  /**
   * When the conversation's one timer event (a `wake` on the chat-timers queue) was last
   * scheduled for: a decision whose next deadline is not earlier leaves that event to decide
   * (see src/app/decision/timer-event.ts). Absent: none known.
   */
  readonly wakeAt?: number | null;
  /** Work item steps owed by decisions and not done yet (the outbox; absent: none). */
  readonly workItemSteps?: readonly WorkItemStep[];
  /** CC3: where on the portal the customer started the chat (absent: not known, e.g. started by Rovo). */
  readonly portalPage?: PortalPage;
  /** RP1: the running chat's events for the reports, counted into its space's day record when it ends (absent: none). */
  readonly reportEvents?: readonly CountedEvent[];
}

export interface StoredConversation {
  readonly conversation: Conversation;
  readonly details: ConversationDetails;
  /** null: not stored yet. */
  readonly version: number | null;
}

/** R9: why the app changed the status (shown in the inbox); null when the agent chose it. */
export type StatusReason = 'offerTimeout' | null;

export interface StoredAgent {
  /** The domain record, with `lastHeartbeatAt` from the separate presence record. */
  readonly agent: Agent;
  readonly statusReason: StatusReason;
  /** Version of the routing record; null when the agent has none yet (Offline, R1). */
  readonly version: number | null;
  /** R28: when a heartbeat of theirs last proved, asking Jira as them, that they hold the agent permission (agent-caller.ts). */
  readonly agentProvedAt?: number;
}

/** A message to write: the stored message and its conversation. */
export interface NewMessage extends ChatMessage {
  readonly conversationId: string;
}

/** One transaction: every write conditional on the version it was decided on. */
export interface RoutingWrite {
  readonly agents: readonly { readonly agent: Agent; readonly statusReason: StatusReason; readonly expectedVersion: number | null }[];
  /** Heartbeats (R2), kept apart from the routing record so they never conflict with routing. */
  readonly presence: readonly { readonly accountId: string; readonly lastHeartbeatAt: number; readonly agentProvedAt?: number }[];
  /** W1: an accept's time to accept, for its space's record (kept on the roster, which the accept writes anyway). */
  readonly acceptTimes?: readonly { readonly projectKey: string; readonly timeToAcceptMs: number }[];
  readonly conversations: readonly (Omit<StoredConversation, 'version'> & {
    readonly expectedVersion: number | null;
    /** Whether it was waiting as read (R11: the space's queue changes when this differs from its status now). */
    readonly wasWaiting: boolean;
  })[];
  /** Written only if that seq is still free (two writers never share a seq). */
  readonly messages: readonly NewMessage[];
  /** A new conversation's AI turns, written once. */
  readonly aiTurns: readonly { readonly conversationId: string; readonly turns: readonly AiTurn[] }[];
  /** History: one entry per agent but the assignee who took part in a chat that ended in this decision. */
  readonly history: readonly HistoryEntry[];
  /**
   * RP1: what the reports count from the chats this decision ends, merged into their space's day
   * record in the same transaction (absent: nothing), so a decision that commits counts once.
   */
  readonly counted?: readonly CountedWrite[];
}

/** RP1: an event of a chat for its space's report, on the UTC day of the chat's request. */
export interface CountedWrite {
  readonly projectKey: string;
  readonly day: string;
  readonly event: CountedEvent;
}

/** RP1: the day records a write merges into (one item each). */
export function countedDayKeys(counted: readonly CountedWrite[] | undefined): string[] {
  return [...new Set((counted ?? []).map((c) => reportDayKey(c.projectKey, c.day)))];
}

export function reportDayKey(projectKey: string, day: string): string {
  return `${projectKey}:${day}`;
}

/** History: an ended chat an agent took part in (assignee, participant, former assignee). */
export interface HistoryEntry {
  readonly accountId: string;
  readonly conversationId: string;
  readonly endedAt: number;
}

/** A page of an agent's history, newest first; `before` names where the next page starts (null: no more). */
export interface HistoryPage {
  readonly entries: readonly HistoryEntry[];
  readonly before: string | null;
}

export interface SpaceCounts {
  readonly waiting: number;
  readonly offered: number;
  readonly active: number;
}

export const MAX_WRITES_PER_TRANSACTION = 25;

/**
 * The most items a write's transaction can hold: its records, and a space's waiting line for
 * each space a chat joins or leaves the queue of (R11). Agents and heartbeats share items in
 * storage, so they count at most this.
 */
export function writeCount(write: RoutingWrite): number {
  const lines = new Set(
    write.conversations.filter((c) => c.wasWaiting !== (c.conversation.status === 'waiting')).map((c) => c.conversation.projectKey)
  );
  return (
    write.agents.length +
    write.presence.length +
    write.conversations.length +
    lines.size +
    write.messages.length +
    write.aiTurns.length +
    write.history.length +
    countedDayKeys(write.counted).length
  );
}

export interface RoutingStore {
  agents(accountIds: readonly string[]): Promise<StoredAgent[]>;
  /** Absent ids are left out. */
  conversations(ids: readonly string[]): Promise<StoredConversation[]>;
  /** R11: the oldest `limit` waiting conversations of a space, first come first served. */
  queueHead(projectKey: string, limit: number): Promise<StoredConversation[]>;
  /** The oldest `limit` waiting conversations of every space (sweep, raised maximum). */
  waitingHead(limit: number): Promise<StoredConversation[]>;
  /** R11: 1-based place of a waiting conversation in its space's queue. */
  queuePosition(conversation: Conversation): Promise<number>;
  /** Running conversations with a deadline (timer) before `before`, earliest first. */
  overdue(before: number, limit: number): Promise<StoredConversation[]>;
  byWorkItem(workItemKey: string): Promise<StoredConversation | null>;
  /** Conversations owing a work item step whose claim ran out before `before`, earliest first (the sweep). */
  unfinishedSteps(before: number, limit: number): Promise<StoredConversation[]>;
  /**
   * How many of a space's conversations wait, are offered, are active (the site overview),
   * from the sparse queue and running indexes: each count stops at `cap` (bounded reads).
   */
  countsOfSpace(projectKey: string, cap: number): Promise<SpaceCounts>;
  /**
   * History: the ended chats an agent took part in, newest first, `limit` after `before` (a
   * previous page's): those they were the assignee of at the end, and the history entries.
   */
  history(accountId: string, limit: number, before: string | null): Promise<HistoryPage>;
  /** 'conflict' when any condition failed; nothing is written then. */
  commit(write: RoutingWrite): Promise<'committed' | 'conflict'>;
  /** W1: the space's recent times to accept (ms, newest last), [] when none: one read (the roster item that keeps them). */
  acceptTimes(projectKey: string): Promise<readonly number[]>;
  /**
   * R2: a heartbeat that decides nothing, written on its own (no condition), with R28's proof
   * when this beat asked Jira (agent-caller.ts).
   */
  recordHeartbeat(accountId: string, at: number, agentProvedAt?: number): Promise<void>;
}
