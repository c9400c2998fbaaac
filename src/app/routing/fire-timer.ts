import { onTimer, type Timer } from '../../domain';
import { orThrow, runDecision } from './run-decision';
import type { RoutingDeps } from './routing-deps';

/**
 * A timer fell due (R9 offer timeout, R12 Time to assign, R13 reminder and expiry). It is
 * checked against the conversation as it is now, so a stale, repeated or redelivered timer
 * changes nothing; decisions that free a slot dispatch it (R11).
 */
export async function fireTimer(deps: RoutingDeps, timer: Timer): Promise<void> {
  const spacesOfHolder = new Map<string, readonly string[]>();
  await runDecision(
    deps,
    async (session) => {
      const stored = await session.conversation(timer.conversationId);
      if (!stored || session.now < timer.at) return { change: { agents: {}, conversations: {}, effects: [] }, value: undefined };
      const { conversation } = stored;
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
      return { change: orThrow(onTimer(session.state(), timer, session.now)), value: undefined };
    },
    { deferLastAttempt: true },
  );
}
