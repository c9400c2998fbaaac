import { applyChange, isEnded, type Change, type Effect } from '../../domain';
import { fallbackText } from '../chat/fallback-text';
import type { ChatJob } from '../ports/chat-timers';
import { postFirstReplyNow, settleOwedSteps } from '../work-items/owed-steps';
import type { DecisionSession } from './decision-session';
import type { EffectsPlan } from './effects-plan';
import { newLease } from '../work-items/lease';
import type { AppDeps } from '../app-deps';

/**
 * R11 on eventually consistent storage: a slot freed in another invocation a moment after a chat
 * joined the queue finds the queue through an entity query, which may not show that chat yet.
 * So a decision that puts a chat into a queue also asks for a dispatch of that space this much
 * later, when every index shows it (one queue event per chat that waits; nothing otherwise).
 * Forge gives no bound for the lag; past this one, the next dispatch or the sweep offers it.
 */
export const QUEUE_JOIN_RECHECK_MS = 5_000;

/**
 * The one place a committed decision's effects run: its timer event and follow-up
 * dispatches go to the `chat-timers` queue (one push), the work item steps it owes run here
 * and now (R7, R15, R17; Jira busy: the job queue retries them; lost: the sweep), the rest
 * are realtime pushes. Runs only after the write committed, so a retried or redelivered
 * decision that changed nothing runs nothing twice. Pushes are best effort (every page
 * also polls); a lost timer event is found again by the sweep through the deadline index.
 */
export async function runEffects(
  deps: AppDeps,
  session: DecisionSession,
  change: Change,
  plan: EffectsPlan,
  context: { readonly actingAs?: string; readonly stepsInline?: boolean } = {},
): Promise<void> {
  const pushes: Promise<void>[] = [];
  const movedQueues = new Set<string>();
  const firstReplies: Extract<Effect, { type: 'firstAgentReply' }>[] = [];
  const detailsOf = (conversationId: string) => session.detailsOf(conversationId);
  const projectOf = (conversationId: string) => change.conversations[conversationId]?.projectKey ?? session.stored(conversationId)?.conversation.projectKey ?? '';

  for (const effect of change.effects) {
    switch (effect.type) {
      case 'queuePositions':
        movedQueues.add(effect.projectKey);
        break;
      case 'firstAgentReply':
        firstReplies.push(effect);
        break;
      case 'fallback': {
        const details = detailsOf(effect.conversationId);
        // A chat started in this decision has nobody on its channel yet: chat.start's answer tells the customer.
        if (!details || !session.stored(effect.conversationId)) break;
        const space = session.loadedSpace(effect.projectKey) ?? (await deps.spaces.get(effect.projectKey));
        pushes.push(deps.chatPushes.toCustomer(details.channel, { type: 'fallback', text: fallbackText(space, details.workItemKey) }));
        break;
      }
      case 'offer': {
        const summary = detailsOf(effect.conversationId)?.summary ?? '';
        const projectKey = projectOf(effect.conversationId);
        pushes.push(deps.chatPushes.toAgents([effect.agentId], { type: 'offer', conversationId: effect.conversationId, projectKey, summary, expiresAt: effect.expiresAt }));
        break;
      }
      case 'withdrawOffer':
        pushes.push(deps.chatPushes.toAgents([effect.agentId], { type: 'offerWithdrawn', conversationId: effect.conversationId, reason: effect.reason }));
        break;
      case 'notify':
        pushes.push(
          deps.chatPushes.toAgents(effect.accountIds, {
            type: 'notify',
            reason: effect.reason,
            conversationId: effect.conversationId,
            projectKey: projectOf(effect.conversationId),
            // R18: a new chat is announced to agents it is not offered to: that it exists, not what it is about.
            ...(effect.reason === 'newChat' ? {} : { summary: detailsOf(effect.conversationId)?.summary ?? '' }),
          }),
        );
        break;
      case 'agentStatusChanged':
        pushes.push(deps.chatPushes.toAgents([effect.agentId], { type: 'status', status: effect.status, reason: effect.reason }));
        break;
      // 'schedule': delivered as the conversation's one timer event (plan.wakes); 'assign', 'ended': owed steps (plan.steps).
    }
  }
  pushes.push(...statusPushes(deps, session, change));
  for (const projectKey of movedQueues) pushes.push(deps.chatPushes.queueMoved(projectKey));
  const followUps = session.followUps(applyChange(session.state(), change));
  const joined = new Set(
    Object.values(change.conversations)
      .filter((c) => c.status === 'waiting' && session.stored(c.id)?.conversation.status !== 'waiting')
      .map((c) => c.projectKey),
  );
  // One job per space: each stays small enough for one transaction whatever the scope was.
  const jobs: ChatJob[] = [
    ...plan.wakes,
    ...followUps.map((projectKey): ChatJob => ({ type: 'dispatch', projectKeys: [projectKey] })),
    ...[...joined].map((projectKey): ChatJob => ({ type: 'dispatch', projectKeys: [projectKey], at: session.now + QUEUE_JOIN_RECHECK_MS })),
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
  for (const effect of firstReplies) {
    const workItemKey = detailsOf(effect.conversationId)?.workItemKey;
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
    pushes.push(deps.chatPushes.toCustomer(details.channel, { type: 'status', status: conversation.status, ...(agentName !== undefined ? { agentName } : {}) }));
    const onIt = [conversation.assignee, ...details.participants].filter((id): id is string => id !== null);
    // Only the assignee's own accept makes a chat active, and their page has its answer: the agents hear of its end.
    if (isEnded(conversation) && onIt.length > 0) {
      pushes.push(deps.chatPushes.toAgents(onIt, { type: 'conversation', conversationId: conversation.id, status: conversation.status }));
    }
  }
  return pushes;
}
