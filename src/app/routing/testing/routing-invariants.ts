import type { AgentMe, ChatWorld, StartedChat } from './chat-world';

/**
 * The promises routing keeps under load and failures, read from storage as the app wrote it
 * (never through the app's own answers): checked after every step of the concurrency test
 * and of the soak (sandbox/soak). A breach throws, naming what broke.
 */
export interface ConversationItem {
  record: {
    id: string;
    projectKey: string;
    status: string;
    assignee: string | null;
    offer: { agentId: string } | null;
    outcome: unknown;
    firstAgentReplyAt: number | null;
  };
  details: { workItemKey: string; workItemSteps?: readonly { kind: string }[]; formerAssignees?: readonly string[] };
}

export interface AgentItem {
  record: { status: string; offers: string[]; active: string[] };
  version: number;
  lastHeartbeatAt?: number;
}

/** Every agent's entry in the roster items (src/platform/routing/routing-entities.ts), as stored. */
export function rosterEntries(world: ChatWorld): { key: string; value: AgentItem }[] {
  return world.sandbox.kvs
    .entityItems<{ agents: Record<string, AgentItem> }>('agent-roster')
    .flatMap(({ value }) => Object.entries(value.agents).map(([key, entry]) => ({ key, value: entry })));
}

export class InvariantBreach extends Error {
  constructor(
    readonly rule: string,
    message: string
  ) {
    super(`${rule}: ${message}`);
    this.name = 'InvariantBreach';
  }
}

/** xorshift32: a run repeats with its seed. */
export function seededRandom(seed: number): () => number {
  let x = seed >>> 0 || 1;
  return () => {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    return (x >>> 0) / 0x100000000;
  };
}

export class RoutingInvariants {
  private readonly assigneeOf = new Map<string, string>();
  private readonly outcomeOf = new Map<string, string>();
  /** How many times check() ran, and over how many conversation records in all. */
  checks = 0;
  recordsChecked = 0;

  constructor(
    private readonly world: ChatWorld,
    private readonly maximum: number
  ) {}

  /**
   * After every step: R5 no agent holds more than the maximum (offers and accepted chats);
   * R6 every chat is held by at most one agent, an offered one by exactly the agent its offer
   * names, an active one by its assignee (and, while a transfer is pending, by the one agent its
   * offer names too); R14 an outcome, once set, never changes, nor does an assignee but through
   * a transfer (the one before is then among the chat's former assignees).
   */
  check(): void {
    this.checks += 1;
    const conversations = new Map(this.world.sandbox.kvs.entityItems<ConversationItem>('conversation').map((e) => [e.key, e.value]));
    this.recordsChecked += conversations.size;
    const holders = new Map<string, string[]>();
    for (const { key, value } of rosterEntries(this.world)) {
      const { offers, active } = value.record;
      if (offers.length + active.length > this.maximum)
        throw new InvariantBreach('R5', `${key} holds ${offers.length + active.length} chats, above the maximum ${this.maximum}`);
      for (const id of [...offers, ...active]) holders.set(id, [...(holders.get(id) ?? []), key]);
      for (const id of offers) {
        const offeredTo = conversations.get(id)?.record.offer?.agentId;
        if (offeredTo !== key)
          throw new InvariantBreach('R6', `${key} holds an offer of ${id}, which is offered to ${offeredTo ?? 'nobody'}`);
      }
      for (const id of active) {
        const record = conversations.get(id)?.record;
        if (record?.status !== 'active' || record.assignee !== key)
          throw new InvariantBreach(
            'R6',
            `${key} holds ${id}, which is ${record?.status ?? 'unknown'} with ${record?.assignee ?? 'no'} assignee`
          );
      }
    }
    for (const { record, details } of conversations.values()) {
      const held = holders.get(record.id) ?? [];
      // A running chat with a pending transfer is held by its assignee and the agent offered it, no one else.
      const expected = record.status === 'offered' ? 1 : record.status === 'active' ? (record.offer ? 2 : 1) : 0;
      if (held.length !== expected && !(expected === 0 && held.length === 0))
        throw new InvariantBreach('R6', `${record.id} (${record.status}) is held by ${held.join(', ') || 'nobody'}`);
      if (record.assignee !== null) {
        const before = this.assigneeOf.get(record.id);
        if (before !== undefined && before !== record.assignee && !(details.formerAssignees ?? []).includes(before))
          throw new InvariantBreach('R14', `${record.id} was assigned to ${before}, now to ${record.assignee}, with no transfer`);
        this.assigneeOf.set(record.id, record.assignee);
      }
      if (record.outcome) {
        const outcome = JSON.stringify(record.outcome);
        const before = this.outcomeOf.get(record.id);
        if (before !== undefined && before !== outcome) throw new InvariantBreach('R14', `${record.id} ended ${before}, now ${outcome}`);
        this.outcomeOf.set(record.id, outcome);
      }
    }
  }

  /**
   * Once everything has ended: R14 every request the customer was answered for has exactly one
   * outcome (a chat storage refused after its work item existed was answered as missed and
   * never stored); R15 exactly one work item per request, and none for a refused one; nobody
   * holds anything. Answers how many chats ended which way.
   */
  checkSettled(started: readonly StartedChat[], projectKeys: readonly string[]): Record<string, number> {
    this.check();
    const stored = new Map(this.world.sandbox.kvs.entityItems<ConversationItem>('conversation').map((e) => [e.key, e.value]));
    const outcomes: Record<string, number> = {};
    for (const chat of started) {
      const conversation = stored.get(chat.conversationId);
      const status = conversation?.record.status ?? (chat.status === 'missed' ? 'missed' : 'lost');
      if (!['resolved', 'missed', 'expired'].includes(status))
        throw new InvariantBreach('R14', `${chat.conversationId} is ${status}, not ended`);
      if (conversation && conversation.details.workItemKey !== chat.workItemKey)
        throw new InvariantBreach(
          'R15',
          `${chat.conversationId} was answered with ${chat.workItemKey} but stored with ${conversation.details.workItemKey}`
        );
      outcomes[status] = (outcomes[status] ?? 0) + 1;
    }
    const keys = started.map((c) => c.workItemKey);
    if (new Set(keys).size !== keys.length) throw new InvariantBreach('R15', 'two requests share a work item');
    const jira = this.world.sandbox.jira;
    const items = projectKeys.flatMap((key) => jira.listIssues(key).map((issue) => issue.key)).sort();
    const expected = [...keys].sort();
    if (items.length !== expected.length || items.some((key, i) => key !== expected[i])) {
      const extra = items.filter((key) => !keys.includes(key));
      const missing = expected.filter((key) => !items.includes(key));
      throw new InvariantBreach(
        'R15',
        `work items and requests differ: ${extra.length} without a request (${extra.slice(0, 5).join(', ')}), ${missing.length} missing`
      );
    }
    for (const { key, value } of rosterEntries(this.world)) {
      const held = value.record.offers.length + value.record.active.length;
      if (held > 0) throw new InvariantBreach('R14', `${key} still holds ${held} chats after all ended`);
    }
    return outcomes;
  }
}

/**
 * Once everything has ended, what each chat's work item must show (R7, R15, R17), whatever
 * failed on the way: no step is still owed; the default label; the transcript as exactly one
 * internal comment; `live-chat-missed` on a missed chat; the routing assignee as the Jira
 * assignee; and the assignee's first message as at most one public reply (exactly one when
 * they replied).
 */
export function checkWorkItemsSettled(world: ChatWorld, started: readonly StartedChat[]): void {
  const stored = new Map(world.sandbox.kvs.entityItems<ConversationItem>('conversation').map((e) => [e.key, e.value]));
  const jira = world.sandbox.jira;
  for (const chat of started) {
    const conversation = stored.get(chat.conversationId);
    const issue = jira.getIssue(chat.workItemKey);
    if (!issue) throw new InvariantBreach('R15', `${chat.workItemKey} does not exist`);
    const owed = conversation?.details.workItemSteps ?? [];
    if (owed.length > 0) throw new InvariantBreach('R15', `${chat.conversationId} still owes ${owed.map((s) => s.kind).join(', ')}`);
    if (!issue.fields.labels.includes('live-chat')) throw new InvariantBreach('R15', `${chat.workItemKey} has no live-chat label`);
    const status = conversation?.record.status ?? 'missed';
    const how = conversation ? '' : ' (routing never stored it)';
    if (status === 'missed' && !issue.fields.labels.includes('live-chat-missed'))
      throw new InvariantBreach('R15', `${chat.workItemKey} (missed${how}) has no live-chat-missed label`);
    const comments = jira.comments(chat.workItemKey);
    const transcripts = comments.filter(
      (c) => !c.jsdPublic && JSON.stringify(c.body).includes(`Live chat transcript (conversation ${chat.conversationId})`)
    );
    if (transcripts.length !== 1) throw new InvariantBreach('R17', `${chat.workItemKey}${how} has ${transcripts.length} transcripts`);
    const assignee = conversation?.record.assignee ?? null;
    if (assignee !== null && issue.fields.assignee !== assignee)
      throw new InvariantBreach('R7', `${chat.workItemKey} is assigned to ${issue.fields.assignee ?? 'nobody'}, routing says ${assignee}`);
    const replies = comments.filter((c) => c.jsdPublic).length;
    const replied = conversation?.record.firstAgentReplyAt != null;
    if (replies > 1 || (replied && replies !== 1))
      throw new InvariantBreach('R17', `${chat.workItemKey} has ${replies} public replies${replied ? ' (the agent replied)' : ''}`);
  }
}

/**
 * One agent's turn at the inbox, as a person might take it (all at once, as browsers would):
 * accept or decline each offer, reply to, resolve or (given `colleagues`) transfer a chat, to one
 * of them or back to its queue, change their status now and then.
 */
export async function randomAgentTurn(
  world: ChatWorld,
  agentId: string,
  rand: () => number,
  colleagues: readonly string[] = []
): Promise<void> {
  const pick = <T>(items: readonly T[]): T => items[Math.floor(rand() * items.length)];
  const me = await world.call('agent.me', {}, agentId);
  if ('error' in me) return;
  const inbox = me as unknown as AgentMe;
  const moves: Promise<unknown>[] = [];
  for (const offer of inbox.offers) {
    const roll = rand();
    if (roll < 0.6) moves.push(world.call('offer.accept', { conversationId: offer.conversationId }, agentId));
    else if (roll < 0.8) moves.push(world.call('offer.decline', { conversationId: offer.conversationId }, agentId));
  }
  for (const chat of inbox.conversations) {
    const roll = rand();
    if (roll < 0.12)
      moves.push(world.call('conversation.send', { conversationId: chat.conversationId, text: 'Hello, how can I help?' }, agentId));
    else if (roll < 0.3) moves.push(world.call('conversation.resolve', { conversationId: chat.conversationId }, agentId));
    else if (roll < 0.4 && colleagues.length > 0) {
      // Refused when the colleague is busy, away or of another space: the chat stays as it is.
      const to = rand() < 0.3 ? { projectKey: chat.projectKey } : { accountId: pick(colleagues) };
      moves.push(world.call('conversation.transfer', { conversationId: chat.conversationId, to }, agentId));
    }
  }
  const roll = rand();
  if (roll < 0.08) moves.push(world.call('agent.setStatus', { status: pick(['on_break', 'heads_down', 'away']) }, agentId));
  else if (roll < 0.3 && inbox.status !== 'available') moves.push(world.call('agent.setStatus', { status: 'available' }, agentId));
  await Promise.all(moves);
}
