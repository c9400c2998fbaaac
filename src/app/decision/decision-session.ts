import {
  deferringOffers,
  holderIds,
  newAgent,
  offerBound,
  type Agent,
  type Change,
  type Conversation,
  type SiteState,
  type SpaceConfig
} from '../../domain';
import type { AiTurn } from '../ports/chat-messages';
import type { SpaceRecord } from '../ports/space-directory';
import type {
  ConversationDetails,
  CountedWrite,
  HistoryEntry,
  NewMessage,
  RoutingWrite,
  StatusReason,
  StoredAgent,
  StoredConversation
} from '../ports/routing-store';
import type { AppDeps } from '../app-deps';
import { countConversation } from '../reports/count-conversation';

/**
 * One attempt at a decision: loads the records it reads (remembering the version of each),
 * builds the domain state from them, and turns the domain's Change into one conditional
 * write. A conflict throws the session away; the next attempt loads afresh.
 */
export class DecisionSession {
  private readonly agents = new Map<string, StoredAgent>();
  private readonly conversations = new Map<string, StoredConversation>();
  private readonly spaces = new Map<string, SpaceRecord | null>();
  /** Spaces whose queue head was loaded in full (there may be more waiting behind it). */
  private readonly fullHeads = new Set<string>();
  private readonly scope = new Set<string>();
  /** The agents the event itself reads before its dispatch scope (it may free their slots). */
  private eventAgents: ReadonlySet<string> | null = null;
  private readonly details = new Map<string, ConversationDetails>();
  private readonly messages: NewMessage[] = [];
  /** R28's proofs (agent-caller.ts) to write with these agents' presence. */
  private readonly proofs = new Map<string, number>();
  private readonly aiTurns: { conversationId: string; turns: readonly AiTurn[] }[] = [];
  private maxConversations: number | null = null;

  constructor(
    private readonly deps: AppDeps,
    readonly now: number,
    /** How many waiting conversations of each space dispatch may consider. */
    private readonly headLimit: number,
    /** Decide without offers; dispatch follows as a separate job (see deferringOffers). */
    readonly deferOffers: boolean
  ) {}

  async conversation(id: string): Promise<StoredConversation | null> {
    const known = this.conversations.get(id);
    if (known) return known;
    const [found] = await this.deps.routing.conversations([id]);
    if (found) this.conversations.set(id, found);
    return found ?? null;
  }

  /** A conversation the use case read just before the decision (see readOnce). */
  seed(stored: StoredConversation): void {
    if (!this.conversations.has(stored.conversation.id)) this.conversations.set(stored.conversation.id, stored);
  }

  async loadConversations(ids: readonly string[]): Promise<void> {
    const missing = ids.filter((id) => !this.conversations.has(id));
    if (missing.length > 0)
      for (const found of await this.deps.routing.conversations(missing)) this.conversations.set(found.conversation.id, found);
  }

  async agent(accountId: string): Promise<StoredAgent> {
    await this.loadAgents([accountId]);
    return this.agents.get(accountId) as StoredAgent;
  }

  async loadAgents(accountIds: readonly string[]): Promise<void> {
    const missing = [...new Set(accountIds)].filter((id) => !this.agents.has(id));
    if (missing.length > 0) for (const found of await this.deps.routing.agents(missing)) this.agents.set(found.agent.accountId, found);
  }

  /** The agents holding a slot of the conversation (offered, assigned: both while a transfer is pending). */
  async loadHolders(conversation: Conversation): Promise<void> {
    await this.loadAgents(holderIds(conversation));
  }

  /**
   * What an agent's answer on a chat may free (a decline, a resolve): the chat, the agent, every
   * holder of its slots (a pending transfer's two), and dispatch over the chat's space and the
   * agent's spaces, where a freed slot may go (R11).
   */
  async loadFreedSlots(conversationId: string, agentId: string, agentSpaces: readonly string[]): Promise<void> {
    const stored = await this.conversation(conversationId);
    await this.agent(agentId);
    if (stored) await this.loadHolders(stored.conversation);
    await this.dispatchScope([...(stored ? [stored.conversation.projectKey] : []), ...agentSpaces]);
  }

  async space(projectKey: string): Promise<SpaceRecord | null> {
    if (!this.spaces.has(projectKey)) this.spaces.set(projectKey, await this.deps.spaces.get(projectKey));
    return this.spaces.get(projectKey) ?? null;
  }

  /**
   * What dispatch reads for these spaces: their config, their agents and the head of their
   * queues (bounded: never the whole queue, nor more of it than the agents can be offered,
   * offerBound). With offers deferred, the heads are not needed.
   */
  async dispatchScope(projectKeys: Iterable<string>): Promise<void> {
    await this.loadMaximum();
    this.eventAgents ??= new Set(this.agents.keys());
    for (const projectKey of new Set(projectKeys)) {
      if (this.scope.has(projectKey)) continue;
      this.scope.add(projectKey);
      const space = await this.space(projectKey);
      if (!space) continue;
      await this.loadAgents(space.config.agentIds);
      if (this.deferOffers) continue;
      const team = space.config.agentIds.flatMap((id) => this.agents.get(id)?.agent ?? []);
      const limit = Math.min(this.headLimit, offerBound(team, this.eventAgents, this.maxConversations ?? 0, this.now));
      if (limit === 0) continue;
      const head = await this.deps.routing.queueHead(projectKey, limit);
      if (head.length >= this.headLimit) this.fullHeads.add(projectKey);
      for (const stored of head)
        if (!this.conversations.has(stored.conversation.id)) this.conversations.set(stored.conversation.id, stored);
    }
  }

  /** The domain state over everything loaded (an agent not loaded is not offered to). */
  state(): SiteState {
    const spaces: Record<string, SpaceConfig> = {};
    for (const [key, space] of this.spaces) if (space) spaces[key] = space.config;
    const state: SiteState = {
      // Without a dispatch scope no decision makes offers, so no maximum is needed.
      settings: { maxConversations: this.maxConversations ?? 0 },
      spaces,
      agents: Object.fromEntries([...this.agents].map(([id, stored]) => [id, stored.agent])),
      conversations: Object.fromEntries([...this.conversations].map(([id, stored]) => [id, stored.conversation]))
    };
    return this.deferOffers ? deferringOffers(state) : state;
  }

  /** Loads the site maximum for decisions that read it without a dispatch scope. */
  async loadMaximum(): Promise<void> {
    this.maxConversations ??= await this.deps.spaces.maxConversations();
  }

  stored(conversationId: string): StoredConversation | undefined {
    return this.conversations.get(conversationId);
  }

  detailsOf(conversationId: string): ConversationDetails | undefined {
    return this.details.get(conversationId) ?? this.conversations.get(conversationId)?.details;
  }

  loadedSpace(projectKey: string): SpaceRecord | null | undefined {
    return this.spaces.get(projectKey);
  }

  /** Shell data written with the decision (a new conversation's details, an agent's name, a participant). */
  setDetails(conversationId: string, details: ConversationDetails): void {
    this.details.set(conversationId, details);
  }

  /** A heartbeat proved the agent permission at `at`: written with the agent's presence. */
  recordProof(accountId: string, at: number): void {
    this.proofs.set(accountId, at);
  }

  addMessage(message: NewMessage): void {
    this.messages.push(message);
  }

  /** A new conversation's AI conversation, written once with it. */
  setAiTurns(conversationId: string, turns: readonly AiTurn[]): void {
    if (turns.length > 0) this.aiTurns.push({ conversationId, turns });
  }

  newMessages(): readonly NewMessage[] {
    return this.messages;
  }

  /** Spaces to dispatch again in a follow-up: offers were deferred, or a full head was used up. */
  followUps(after: SiteState): string[] {
    if (this.deferOffers) return [...this.scope];
    return [...this.fullHeads].filter(
      (projectKey) => !Object.values(after.conversations).some((c) => c.projectKey === projectKey && c.status === 'waiting')
    );
  }

  /**
   * The Change as one transaction, each record conditional on the version it was read at;
   * an agent's status reason (R9) as the decision's effects give it (run-effects.ts).
   */
  write(change: Change, reasons: ReadonlyMap<string, StatusReason>): RoutingWrite {
    const agents: RoutingWrite['agents'][number][] = [];
    const presence: RoutingWrite['presence'][number][] = [];
    for (const agent of Object.values(change.agents)) {
      const loaded = this.agents.get(agent.accountId);
      const before = loaded?.agent ?? newAgent(agent.accountId);
      const statusReason = reasons.has(agent.accountId) ? (reasons.get(agent.accountId) ?? null) : (loaded?.statusReason ?? null);
      if (routingChanged(before, agent) || statusReason !== (loaded?.statusReason ?? null)) {
        agents.push({ agent, statusReason, expectedVersion: loaded?.version ?? null });
      }
      if (agent.lastHeartbeatAt !== null && agent.lastHeartbeatAt !== before.lastHeartbeatAt) {
        const proved = this.proofs.get(agent.accountId);
        presence.push({
          accountId: agent.accountId,
          lastHeartbeatAt: agent.lastHeartbeatAt,
          ...(proved === undefined ? {} : { agentProvedAt: proved })
        });
      }
    }
    const conversations: RoutingWrite['conversations'][number][] = [];
    const counted: CountedWrite[] = [];
    const acceptTimes: { projectKey: string; timeToAcceptMs: number }[] = [];
    const changed = new Set(Object.keys(change.conversations));
    for (const id of new Set([...changed, ...this.details.keys()])) {
      const conversation: Conversation | undefined = change.conversations[id] ?? this.conversations.get(id)?.conversation;
      const read = this.conversations.get(id);
      const known = this.detailsOf(id);
      if (!conversation || !known) throw new Error(`Conversation ${id} was written without its details.`);
      // RP1: the reports' events ride on the conversation's own write (src/app/reports/count-conversation.ts).
      const counting = countConversation(read && read.version !== null ? read.conversation : null, conversation, known);
      counted.push(...counting.counted);
      // W1 samples the same wait RP1 counts as time to assign (a chat leaving the queue for an agent; not a transfer's
      // accept, nor a retry, which reads the chat already active), on the roster the accept writes anyway.
      for (const event of counting.events)
        if (event.kind === 'accepted') acceptTimes.push({ projectKey: conversation.projectKey, timeToAcceptMs: event.ms });
      conversations.push({
        conversation,
        details: counting.details,
        expectedVersion: read?.version ?? null,
        wasWaiting: read?.conversation.status === 'waiting'
      });
    }
    return {
      agents,
      presence,
      conversations,
      messages: [...this.messages],
      aiTurns: [...this.aiTurns],
      history: this.history(conversations),
      counted,
      ...(acceptTimes.length > 0 ? { acceptTimes } : {})
    };
  }

  /**
   * History: who else took part in each chat this write ends, written with the ending so none is
   * left out. Its assignee needs no entry: the ended chat's own record is indexed by its assignee
   * (the store's history reads both), so a chat nobody else joined costs no write more.
   */
  private history(conversations: RoutingWrite['conversations']): HistoryEntry[] {
    return conversations.flatMap(({ conversation, details }) => {
      const endedNow = conversation.outcome !== null && !this.conversations.get(conversation.id)?.conversation.outcome;
      if (!endedNow) return [];
      return tookPart(conversation, details)
        .filter((accountId) => accountId !== conversation.assignee)
        .map((accountId) => ({
          accountId,
          conversationId: conversation.id,
          endedAt: conversation.endedAt ?? this.now
        }));
    });
  }
}

/** History, R18: the assignee, the invited participants and the former assignees (a transfer's). */
export function tookPart(conversation: Conversation, details: ConversationDetails): string[] {
  const ids = [conversation.assignee, ...details.participants, ...(details.formerAssignees ?? [])];
  return [...new Set(ids.filter((id): id is string => id !== null))];
}

function routingChanged(before: Agent, after: Agent): boolean {
  return (
    before.status !== after.status ||
    before.lastOfferedAt !== after.lastOfferedAt ||
    before.offers.join() !== after.offers.join() ||
    before.active.join() !== after.active.join()
  );
}

/**
 * A conversation the use case read (to check the caller) just before its decision: the first
 * attempt decides on it rather than read it again (its version guards the write, as any read's
 * does); a retry after a conflict reads afresh.
 */
export function readOnce(stored: StoredConversation): (session: DecisionSession) => void {
  let once: StoredConversation | null = stored;
  return (session) => {
    if (once) session.seed(once);
    once = null;
  };
}
