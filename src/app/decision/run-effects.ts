import { applyChange, isEnded, type Change, type Effect } from '../../domain';
import { fallbackText } from '../chat/fallback-text';
import type { AgentPush, PushedMessage } from '../ports/chat-pushes';
import type { ChatJob } from '../ports/chat-timers';
import type { ConversationDetails, RoutingWrite, StatusReason } from '../ports/routing-store';
import type { WorkItemStep } from '../ports/work-items';
import { newLease } from '../work-items/lease';
import { postFirstReplyNow, settleOwedSteps, type OwedStep } from '../work-items/owed-steps';
import type { DecisionSession } from './decision-session';
import { nextWake } from './timer-event';
import type { AppDeps } from '../app-deps';

/**
 * R11 on eventually consistent storage: a slot freed in another invocation a moment after a chat
 * joined the queue finds the queue through an entity query, which may not show that chat yet.
 * So a decision that puts a chat into a queue also asks for a dispatch of that space this much
 * later, when every index shows it (one queue event per chat that waits; nothing otherwise).
 * Forge gives no bound for the lag; past this one, the next dispatch or the sweep offers it.
 */
export const QUEUE_JOIN_RECHECK_MS = 5_000;

/** A decision's effects, each sorted to what carries it out (sortEffects). */
export interface DecisionEffects {
  /** R9: the reason each agent's inbox shows with the new status (the last one wins), written with the decision. */
  readonly statusReasons: ReadonlyMap<string, StatusReason>;
  /** R7, R15, R17: the work item steps each conversation is owed, written with the decision (the outbox). */
  readonly owed: ReadonlyMap<string, readonly WorkItemStep[]>;
  /** Realtime pushes, started once the decision committed (best effort: every page also polls). */
  readonly pushes: readonly (() => Promise<void>)[];
  /** R11: spaces whose waiting customers' positions changed (one push each, after the status pushes). */
  readonly movedQueues: ReadonlySet<string>;
  /** R17: first replies to post on the work item once the decision committed. */
  readonly firstReplies: readonly Extract<Effect, { type: 'firstAgentReply' }>[];
}

/** What a decision writes besides its domain records, and what its invocation does once it committed. */
export interface EffectsPlan {
  /** The decision's transaction: each conversation's details carry its next timer event and the steps it is owed. */
  readonly write: RoutingWrite;
  /** Timer events to queue: at most one per conversation (timer-event.ts). */
  readonly wakes: readonly ChatJob[];
  /** Work item steps this decision owes (recorded in `write`), for its invocation to run at once. */
  readonly steps: readonly OwedStep[];
}

/**
 * The one place each effect of the domain's `Effect` union is given its meaning in the shell
 * (a new effect type that nobody handles fails the type check here):
 * - written with the decision, so that nothing that must follow it can be lost: R9's status
 *   reason (`agentStatusChanged`), the work item steps owed (`assign` R7; `ended` R15, R17);
 * - once it committed: the realtime pushes (`offer`, `withdrawOffer`, `notify`, `fallback`,
 *   `agentStatusChanged`, `queuePositions`, a transfer's `handedOver` and `transferReturned`)
 *   and R17's first reply (`firstAgentReply`).
 * Timers are no effect: a conversation's next timer event comes from its record (timer-event.ts).
 */
export function sortEffects(deps: AppDeps, session: DecisionSession, change: Change): DecisionEffects {
  const statusReasons = new Map<string, StatusReason>();
  const owed = new Map<string, WorkItemStep[]>();
  const pushes: (() => Promise<void>)[] = [];
  /** A push to some agents' inboxes, sent once the change committed. */
  const toAgents = (accountIds: readonly string[], push: AgentPush) => pushes.push(() => deps.chatPushes.toAgents(accountIds, push));
  const movedQueues = new Set<string>();
  const firstReplies: Extract<Effect, { type: 'firstAgentReply' }>[] = [];
  const owe = (conversationId: string, step: WorkItemStep) => owed.set(conversationId, [...(owed.get(conversationId) ?? []), step]);
  const detailsOf = (conversationId: string) => session.detailsOf(conversationId);
  const projectOf = (conversationId: string) =>
    change.conversations[conversationId]?.projectKey ?? session.stored(conversationId)?.conversation.projectKey ?? '';

  for (const effect of change.effects) {
    switch (effect.type) {
      case 'offer': {
        const { conversationId, agentId, expiresAt, transferFrom } = effect;
        // Transfer: the target's inbox marks the offer as a transfer from the assignee (their name, kept since their accept).
        const from = transferFrom === undefined ? {} : { transferFrom: detailsOf(conversationId)?.agentName ?? transferFrom };
        toAgents([agentId], {
          type: 'offer',
          conversationId,
          projectKey: projectOf(conversationId),
          summary: detailsOf(conversationId)?.summary ?? '',
          expiresAt,
          ...from
        });
        break;
      }
      case 'handedOver': {
        // The transcript's system line is written with the decision (hand-over.ts); here the pages hear of it.
        const { conversationId, from, to } = effect;
        toAgents([from], { type: 'transferEnded', conversationId, to, reason: null });
        const details = detailsOf(conversationId);
        // Back to the queue, the status push tells the customer (active → waiting); to an agent the status stays active.
        if (to !== null && details)
          pushes.push(() =>
            deps.chatPushes.toCustomer(details.channel, { type: 'status', status: 'active', agentName: details.agentName })
          );
        break;
      }
      case 'transferReturned':
        toAgents([effect.agentId], {
          type: 'transferEnded',
          conversationId: effect.conversationId,
          to: effect.to,
          reason: effect.reason
        });
        break;
      case 'withdrawOffer':
        toAgents([effect.agentId], {
          type: 'offerWithdrawn',
          conversationId: effect.conversationId,
          reason: effect.reason
        });
        break;
      case 'assign':
        owe(effect.conversationId, { kind: 'assign', agentId: effect.agentId, ...newLease(session.now) });
        break;
      case 'notify': {
        // R19: the agent offered the new chat hears of it by its offer (the inbox tells them once, notifications.ts).
        const offered = new Set(
          change.effects.flatMap((e) => (e.type === 'offer' && e.conversationId === effect.conversationId ? [e.agentId] : []))
        );
        const accountIds = effect.reason === 'newChat' ? effect.accountIds.filter((id) => !offered.has(id)) : effect.accountIds;
        if (accountIds.length === 0) break;
        toAgents(accountIds, {
          type: 'notify',
          reason: effect.reason,
          conversationId: effect.conversationId,
          projectKey: projectOf(effect.conversationId),
          // R18: a new chat is announced to agents it is not offered to: that it exists, not what it is about.
          ...(effect.reason === 'newChat' ? {} : { summary: detailsOf(effect.conversationId)?.summary ?? '' }),
          ...pushedMessage(session, effect)
        });
        break;
      }
      case 'fallback': {
        const details = detailsOf(effect.conversationId);
        // A chat started in this decision has nobody on its channel yet: chat.start's answer tells the customer.
        if (!details || !session.stored(effect.conversationId)) break;
        pushes.push(async () => {
          const space = session.loadedSpace(effect.projectKey) ?? (await deps.spaces.get(effect.projectKey));
          await deps.chatPushes.toCustomer(details.channel, { type: 'fallback', text: fallbackText(space, details.workItemKey) });
        });
        break;
      }
      case 'ended':
        owe(effect.conversationId, { kind: 'closeOut', outcome: effect.outcome.kind, ...newLease(session.now) });
        break;
      case 'agentStatusChanged':
        statusReasons.set(effect.agentId, effect.reason === 'offerTimeout' ? 'offerTimeout' : null);
        toAgents([effect.agentId], { type: 'status', status: effect.status, reason: effect.reason });
        break;
      case 'queuePositions':
        // A chat that only joined learns its place from chat.start's answer; those already waiting hear that the queue moved.
        if (effect.positions.some((p) => session.stored(p.conversationId)?.conversation.status === 'waiting'))
          movedQueues.add(effect.projectKey);
        break;
      case 'firstAgentReply':
        firstReplies.push(effect);
        break;
      default: {
        const unhandled: never = effect;
        throw new Error(`No one carries out the effect ${JSON.stringify(unhandled)}.`);
      }
    }
  }
  // R11: a chat that leaves its queue moves those behind it, loaded or not (a decision reads no more of a
  // queue than it can offer, decision-session.ts): their widgets read their positions again.
  for (const conversation of Object.values(change.conversations)) {
    if (session.stored(conversation.id)?.conversation.status === 'waiting' && conversation.status !== 'waiting')
      movedQueues.add(conversation.projectKey);
  }
  return { statusReasons, owed, pushes, movedQueues, firstReplies };
}

/**
 * Completes a decision's write before it commits, so that what must follow it can never be
 * lost: the work item steps it owes go into the same transaction as the decision (the
 * outbox, R7, R15, R17), and every conversation has one timer event on its way, at its next
 * deadline (timer-event.ts).
 */
export function planEffects(effects: DecisionEffects, write: RoutingWrite, now: number): EffectsPlan {
  const wakes: ChatJob[] = [];
  const steps: OwedStep[] = [];
  const conversations = write.conversations.map((entry) => {
    const { conversation, details } = entry;
    const { queue, wakeAt } = nextWake(conversation, details.wakeAt ?? null, now);
    if (queue !== null) wakes.push({ type: 'wake', conversationId: conversation.id, at: queue });
    const added = effects.owed.get(conversation.id) ?? [];
    // A new conversation's own steps (its work item's label, when Jira was busy at creation) are this decision's too.
    const ownedAlready = entry.expectedVersion === null ? (details.workItemSteps ?? []) : [];
    for (const step of [...ownedAlready, ...added])
      steps.push({ target: { conversationId: conversation.id, workItemKey: details.workItemKey }, step });
    const workItemSteps = [...(details.workItemSteps ?? []), ...added];
    const planned: ConversationDetails = {
      ...details,
      ...(wakeAt !== null ? { wakeAt } : {}),
      ...(workItemSteps.length > 0 ? { workItemSteps } : {})
    };
    return { ...entry, details: planned };
  });
  return { write: { ...write, conversations }, wakes, steps };
}

/**
 * Once the decision committed: its timer events and follow-up dispatches go to the
 * `chat-timers` queue (one push), the work item steps it owes run here and now (R7, R15, R17;
 * Jira busy: the job queue retries them; lost: the sweep), the pushes go out. Runs only after
 * the write committed, so a retried or redelivered decision that changed nothing runs nothing
 * twice. A lost timer event is found again by the sweep through the deadline index.
 */
export async function runEffects(
  deps: AppDeps,
  session: DecisionSession,
  change: Change,
  effects: DecisionEffects,
  plan: EffectsPlan,
  context: { readonly actingAs?: string; readonly stepsInline?: boolean } = {}
): Promise<void> {
  const pushes = effects.pushes.map((push) => push());
  pushes.push(...statusPushes(deps, session, change));
  for (const projectKey of effects.movedQueues) pushes.push(deps.chatPushes.queueMoved(projectKey));
  const followUps = session.followUps(applyChange(session.state(), change));
  const joined = new Set(
    Object.values(change.conversations)
      .filter((c) => c.status === 'waiting' && session.stored(c.id)?.conversation.status !== 'waiting')
      .map((c) => c.projectKey)
  );
  // One job per space: each stays small enough for one transaction whatever the scope was.
  const jobs: ChatJob[] = [
    ...plan.wakes,
    ...followUps.map((projectKey): ChatJob => ({ type: 'dispatch', projectKeys: [projectKey] })),
    ...[...joined].map((projectKey): ChatJob => ({ type: 'dispatch', projectKeys: [projectKey], at: session.now + QUEUE_JOIN_RECHECK_MS }))
  ];
  if (jobs.length > 0) {
    try {
      await deps.chatTimers.enqueue(jobs);
    } catch (error) {
      // The deadline index and the waiting index let the sweep redo what these jobs would have done.
      deps.log('chat-timers.enqueue-failed', { jobs: jobs.length, error: String(error) });
    }
  }
  await settleOwedSteps(deps, plan.steps, context.stepsInline === false ? 'queue' : 'now');
  for (const effect of effects.firstReplies) {
    const workItemKey = session.detailsOf(effect.conversationId)?.workItemKey;
    const text = session.newMessages().find((m) => m.conversationId === effect.conversationId && m.authorId === effect.agentId)?.text ?? '';
    if (!workItemKey || text === '') continue;
    const step = { kind: 'firstReply', agentId: effect.agentId, text, ...newLease(session.now) } as const;
    await postFirstReplyNow(deps, { conversationId: effect.conversationId, workItemKey }, step, context.actingAs === effect.agentId);
  }
  await Promise.all(pushes);
}

/** Conversations whose status the decision changed: the customer sees it, and so do the agents on it. */
function statusPushes(deps: AppDeps, session: DecisionSession, change: Change): Promise<void>[] {
  const pushes: Promise<void>[] = [];
  for (const conversation of Object.values(change.conversations)) {
    const before = session.stored(conversation.id)?.conversation.status;
    const details = session.detailsOf(conversation.id);
    // A chat started in this decision has nobody on its channel yet: chat.start's answer tells the customer.
    if (!details || before === undefined || before === conversation.status) continue;
    const agentName = conversation.status === 'active' ? details.agentName : undefined;
    pushes.push(
      deps.chatPushes.toCustomer(details.channel, {
        type: 'status',
        status: conversation.status,
        ...(agentName !== undefined ? { agentName } : {})
      })
    );
    // Only the assignee's own accept makes a chat active, and their page has its answer: the agents hear of its end,
    // but for an assignee who resolved it (their page has that answer too).
    const resolvedByAssignee = conversation.outcome?.kind === 'resolved' && conversation.outcome.by === 'agent';
    const onIt = [resolvedByAssignee ? null : conversation.assignee, ...details.participants].filter((id): id is string => id !== null);
    if (isEnded(conversation) && onIt.length > 0) {
      pushes.push(deps.chatPushes.toAgents(onIt, { type: 'conversation', conversationId: conversation.id, status: conversation.status }));
    }
  }
  return pushes;
}

/**
 * R20: the assignee hears of someone else's message by this one push, which also carries the
 * message (they may read it, R18), so their open chat view shows it without reading the chat
 * again (static/agent-inbox/src/agent-pushes.ts).
 */
function pushedMessage(session: DecisionSession, effect: Extract<Effect, { type: 'notify' }>): { message?: PushedMessage } {
  if (effect.reason !== 'newMessage') return {};
  const written = session.newMessages().filter((m) => m.conversationId === effect.conversationId);
  const last = written[written.length - 1];
  if (!last || last.from === 'system' || last.from === 'ai') return {};
  const { seq, from, text, at, attachment } = last;
  return { message: { seq, from, text, at, ...(attachment ? { attachment } : {}) } };
}
