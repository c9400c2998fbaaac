import { pendingTimers, type Agent, type AttachmentRef, type Conversation } from '../../domain';
import type { AiTurn } from '../../app/ports/chat-messages';
import type { ConversationDetails, StatusReason } from '../../app/ports/routing-store';

/**
 * Routing's custom entities (manifest.yml `app.storage.entities`). Each item holds its
 * domain record whole under `record`; the other attributes exist for the indexes and for
 * the `version` every routing write is conditional on.
 */
export const ENTITY = {
  roster: 'agent-roster',
  /** R11: a space's waiting chats in order (kvs-waiting-line.ts). */
  line: 'waiting-line',
  conversation: 'conversation',
  message: 'chat-message',
  /** History: an ended chat an agent took part in. */
  history: 'chat-history'
} as const;

export const INDEX = {
  /** R11: a space's waiting conversations, first come first served (partition: the space). */
  spaceQueue: 'space-queue',
  /** Every waiting conversation, oldest first (the sweep, a raised maximum). */
  waiting: 'waiting',
  /** Running conversations by their next timer (the sweep repairs lost deliveries). */
  deadline: 'by-deadline',
  /** R16: the conversation of a work item. */
  workItem: 'by-work-item',
  /** Conversations owing work item steps, by the earliest claim's end (the sweep re-runs lost ones). */
  stepsDue: 'by-step-due',
  /** A space's offered and active conversations (the site overview counts them). */
  running: 'space-running',
  /** A conversation's messages by seq. */
  messages: 'by-conversation',
  /** History: an agent's ended chats, by end time (partition: the agent). */
  agentHistory: 'by-agent-ended',
  /** History: ended chats by their assignee at the end, by end time (partition: the assignee). */
  assigneeHistory: 'by-assignee-ended'
} as const;

/** R30: ended chats and messages leave app storage after 30 days (the transcript lives on the work item). */
export const RETENTION = { value: 30, unit: 'DAYS' } as const;
/**
 * The site's agents, in ROSTER_SHARDS items keyed by a hash of the account: a routing decision,
 * `widget.status` and the site overview read a whole team in one read (or a few) rather than
 * two per agent. Each entry keeps its own `version`: a decision's write is conditional on the
 * entries it changes, as it was on per-agent records, and the commit merges those entries into
 * the item on condition of the item's version (kvs-routing-store.ts). One item holds about
 * 1,400 agents at three chats each (KVS_LIMITS.maxValueBytes, 240 KiB); more shards hold more,
 * at one read each.
 */
export const ROSTER_SHARDS = 1;

export interface RosterItem {
  /** The item's version: every write of it is conditional on the one it was merged into. */
  version: number;
  agents: Record<string, AgentItem>;
  /**
   * W1: each space's last 20 times to accept (ms, newest last), on the item that holds
   * `acceptTimesKey(space)`: every accept writes the roster anyway, so the record costs no write
   * of its own, and two accepts at once both keep their sample (the merge appends).
   */
  acceptTimes?: Record<string, number[]>;
}

/** One agent's entry: their routing record and (apart, so a heartbeat never moves `version`) R2's heartbeat. */
export interface AgentItem {
  record: Pick<Agent, 'status' | 'lastOfferedAt' | 'offers' | 'active'>;
  statusReason?: 'offerTimeout';
  /** The routing record's version; 0 while only a heartbeat was written (no routing record yet, R1). */
  version: number;
  lastHeartbeatAt?: number;
  /** R28: when a heartbeat last proved the agent permission, asking Jira as the agent (app/routing/agent-caller.ts). */
  agentProvedAt?: number;
}

/** The roster item that holds a space's W1 record (with one shard, the one every accept writes). */
export function acceptTimesKey(projectKey: string): string {
  return rosterKey(`space:${projectKey}`);
}

/** The roster item that holds an agent's entry. */
export function rosterKey(accountId: string): string {
  let hash = 0;
  for (const char of accountId) hash = (hash * 31 + char.charCodeAt(0)) >>> 0;
  return `roster-${hash % ROSTER_SHARDS}`;
}

export interface ConversationItem {
  record: Conversation;
  details: ConversationDetails;
  version: number;
  workItemKey: string;
  /** Present only while waiting: the sparse queue indexes hold exactly the waiting chats. */
  waitingSpace?: string;
  queueOrder?: string;
  /** Present only while offered or active: the sparse `space-running` index holds exactly those. */
  runningSpace?: string;
  /** Present only while a timer is pending: the earliest one's time. */
  deadline?: number;
  /** Present only while work item steps are owed: when the earliest claim on one runs out. */
  stepsDue?: number;
  /** Present only once ended with an assignee (History): the assignee, and the end's order (historyOrder). */
  endedAssignee?: string;
  endedOrder?: string;
}

export interface MessageItem {
  conversationId: string;
  seq: number;
  from: 'customer' | 'ai' | 'agent' | 'system';
  text: string;
  at: number;
  authorId?: string;
  attachment?: AttachmentRef;
}

/** History: one ended chat an agent took part in; kept as long as the chat's record (R30). */
export interface HistoryItem {
  accountId: string;
  conversationId: string;
  endedAt: number;
  /** endedAt, then the conversation id: one sortable string, so a page can start just before another's last. */
  endedOrder: string;
}

export const historyKey = (accountId: string, conversationId: string) => `${accountId}:${conversationId}`;

export function historyOrder(endedAt: number, conversationId: string): string {
  return `${String(endedAt).padStart(16, '0')}:${conversationId}`;
}

/** R11's order (requestedAt, then id) as one sortable string. */
export function queueOrder(conversation: Conversation): string {
  return `${String(conversation.requestedAt).padStart(16, '0')}:${conversation.id}`;
}

export function conversationItem(conversation: Conversation, details: ConversationDetails, version: number): ConversationItem {
  const timers = pendingTimers(conversation);
  return {
    record: conversation,
    details,
    version,
    workItemKey: details.workItemKey,
    ...(conversation.status === 'waiting' ? { waitingSpace: conversation.projectKey, queueOrder: queueOrder(conversation) } : {}),
    ...(conversation.status === 'offered' || conversation.status === 'active' ? { runningSpace: conversation.projectKey } : {}),
    ...(timers.length > 0 ? { deadline: Math.min(...timers.map((t) => t.at)) } : {}),
    ...(details.workItemSteps?.length ? { stepsDue: Math.min(...details.workItemSteps.map((s) => s.until)) } : {}),
    ...(conversation.outcome && conversation.assignee !== null
      ? { endedAssignee: conversation.assignee, endedOrder: historyOrder(conversation.endedAt ?? 0, conversation.id) }
      : {})
  };
}

export function agentItem(agent: Agent, statusReason: StatusReason, version: number, lastHeartbeatAt?: number): AgentItem {
  const { status, lastOfferedAt, offers, active } = agent;
  return {
    record: { status, lastOfferedAt, offers, active },
    ...(statusReason ? { statusReason } : {}),
    version,
    ...(lastHeartbeatAt === undefined ? {} : { lastHeartbeatAt })
  };
}

/** A conversation's AI turns: written once with it, read by the agents it is offered to (R18). */
export interface AiTurnsItem {
  turns: AiTurn[];
}

export const aiTurnsKey = (conversationId: string) => `ai-turns:${conversationId}`;

export function messageKey(conversationId: string, seq: number): string {
  return `${conversationId}:${String(seq).padStart(8, '0')}`;
}
