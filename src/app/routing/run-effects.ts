import { applyChange, isEnded, type Change, type Effect } from '../../domain';
import { fallbackText } from '../chat/fallback-text';
import type { ChatJob } from '../ports/chat-timers';
import type { DecisionSession } from './decision-session';
import type { RoutingDeps } from './routing-deps';

/**
 * The one place a committed decision's effects run: timers and follow-up dispatches go to
 * the `chat-timers` queue (one push), work item steps to the work-items part, the rest are
 * realtime pushes. Runs only after the write committed, so a retried or redelivered
 * decision that changed nothing runs nothing twice. Pushes are best effort (every page
 * also polls); a lost timer is found again by the sweep through the deadline index.
 */
export async function runEffects(deps: RoutingDeps, session: DecisionSession, change: Change): Promise<void> {
  const pushes: Promise<void>[] = [];
  const jobs: ChatJob[] = [];
  const movedQueues = new Set<string>();
  const detailsOf = (conversationId: string) => session.detailsOf(conversationId);
  const projectOf = (conversationId: string) => change.conversations[conversationId]?.projectKey ?? session.stored(conversationId)?.conversation.projectKey ?? '';

  for (const effect of change.effects) {
    switch (effect.type) {
      case 'schedule':
        jobs.push({ type: 'timer', timer: effect.timer });
        break;
      case 'queuePositions':
        movedQueues.add(effect.projectKey);
        break;
      case 'assign':
      case 'ended':
      case 'firstAgentReply':
        await workItemStep(deps, session, effect);
        break;
      case 'fallback': {
        const details = detailsOf(effect.conversationId);
        const space = session.loadedSpace(effect.projectKey) ?? (await deps.spaces.get(effect.projectKey));
        if (details) pushes.push(deps.chatPushes.toCustomer(details.channel, { type: 'fallback', text: fallbackText(space, details.workItemKey) }));
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
    }
  }
  pushes.push(...statusPushes(deps, session, change));
  for (const projectKey of movedQueues) pushes.push(deps.chatPushes.queueMoved(projectKey));
  const followUps = session.followUps(applyChange(session.state(), change));
  // One job per space: each stays small enough for one transaction whatever the scope was.
  for (const projectKey of followUps) jobs.push({ type: 'dispatch', projectKeys: [projectKey] });
  if (jobs.length > 0) {
    try {
      await deps.chatTimers.enqueue(jobs);
    } catch (error) {
      // The deadline index and the waiting index let the sweep redo what these jobs would have done.
      deps.log('chat-timers.enqueue-failed', { jobs: jobs.length, error: String(error) });
    }
  }
  await Promise.all(pushes);
}

/** Conversations whose status the decision changed: the customer sees it, and so do the agents on it. */
function statusPushes(deps: RoutingDeps, session: DecisionSession, change: Change): Promise<void>[] {
  const pushes: Promise<void>[] = [];
  for (const conversation of Object.values(change.conversations)) {
    const before = session.stored(conversation.id)?.conversation.status;
    const details = session.detailsOf(conversation.id);
    if (!details || before === conversation.status) continue;
    const agentName = conversation.status === 'active' ? details.agentName : undefined;
    pushes.push(deps.chatPushes.toCustomer(details.channel, { type: 'status', status: conversation.status, ...(agentName !== undefined ? { agentName } : {}) }));
    const onIt = [conversation.assignee, ...details.participants].filter((id): id is string => id !== null);
    if ((conversation.status === 'active' || isEnded(conversation)) && onIt.length > 0) {
      pushes.push(deps.chatPushes.toAgents(onIt, { type: 'conversation', conversationId: conversation.id, status: conversation.status }));
    }
  }
  return pushes;
}

type WorkItemEffect = Extract<Effect, { type: 'assign' | 'ended' | 'firstAgentReply' }>;

/** R7, R17, R15: the work item follows the chat. Each step is queued by the work-items part, idempotently. */
async function workItemStep(deps: RoutingDeps, session: DecisionSession, effect: WorkItemEffect): Promise<void> {
  const workItemKey = session.detailsOf(effect.conversationId)?.workItemKey;
  if (!workItemKey) return;
  const run = (): Promise<void> => {
    switch (effect.type) {
      case 'assign':
        return deps.workItems.assign(effect.conversationId, workItemKey, effect.agentId);
      case 'ended':
        return deps.workItems.closeOut(effect.conversationId, workItemKey, effect.outcome.kind);
      case 'firstAgentReply': {
        const text = session.newMessages().find((m) => m.conversationId === effect.conversationId && m.authorId === effect.agentId)?.text ?? '';
        return deps.workItems.postFirstReply(effect.conversationId, workItemKey, effect.agentId, text);
      }
    }
  };
  try {
    await run();
  } catch (first) {
    try {
      await run(); // one more try: the step is idempotent, and nothing else would redo it
    } catch (error) {
      deps.log('work-item-step-failed', { step: effect.type, conversationId: effect.conversationId, error: String(error ?? first) });
    }
  }
}
