import { noChange, onTimer, pendingTimers } from '../../domain';
import { orThrow, runDecision } from '../decision/run-decision';
import type { AppDeps } from '../app-deps';

/** What a timer event found: a timer decided (its decision scheduled the next event), or the next one still to come. */
export type TimerFiring =
  { readonly fired: true } | { readonly fired: false; readonly next: number | null; readonly wakeAt: number | null };

/**
 * A conversation's timer event is due: its earliest timer that has fallen due (R9 offer
 * timeout, R12 Time to assign, R13 reminder and expiry) is decided, against the conversation
 * as it is now, so a stale, repeated or redelivered event changes nothing; decisions that free
 * a slot dispatch it (R11). A second timer due at the same time gets an event of its own (see
 * timer-event.ts). `stepsInline: false`: the steps the decision owes go to the job queue.
 */
export async function fireDueTimer(deps: AppDeps, conversationId: string, options: { stepsInline?: boolean } = {}): Promise<TimerFiring> {
  const spacesOfHolder = new Map<string, readonly string[]>();
  const decided = await runDecision<TimerFiring>(
    deps,
    async (session) => {
      const stored = await session.conversation(conversationId);
      const pending = stored ? pendingTimers(stored.conversation).sort((a, b) => a.at - b.at) : [];
      const timer = pending.find((t) => t.at <= session.now);
      if (!stored || !timer)
        return { change: noChange, value: { fired: false, next: pending[0]?.at ?? null, wakeAt: stored?.details.wakeAt ?? null } };
      const { conversation } = stored;
      // Both holders while a transfer is pending: an ending frees both slots.
      await session.loadHolders(conversation);
      const holder = conversation.offer?.agentId ?? (conversation.status === 'active' ? conversation.assignee : null);
      if (holder !== null) {
        const { agent } = await session.agent(holder);
        // R9: the agent becomes Away, so their other pending offers are withdrawn too.
        if (timer.kind === 'offerTimeout') await session.loadConversations(agent.offers);
        if (timer.kind !== 'replyReminder') {
          if (!spacesOfHolder.has(holder)) spacesOfHolder.set(holder, await deps.spaces.spacesOfAgent(holder));
          const offeredIn = agent.offers.flatMap((id) => session.stored(id)?.conversation.projectKey ?? []);
          await session.dispatchScope([conversation.projectKey, ...(spacesOfHolder.get(holder) ?? []), ...offeredIn]);
        }
      } else if (timer.kind === 'timeToAssign') {
        await session.dispatchScope([conversation.projectKey]);
      }
      return { change: orThrow(onTimer(session.state(), timer, session.now)), value: { fired: true } };
    },
    { deferLastAttempt: true, ...(options.stepsInline === false ? { stepsInline: false } : {}) }
  );
  return decided.value;
}
