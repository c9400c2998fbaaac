import { onMessage, type MessageSender } from '../../domain';
import { AppError } from '../app-error';
import type { StoredConversation } from '../ports/routing-store';
import { orThrow, runDecision } from '../decision/run-decision';
import type { AppDeps } from '../app-deps';
import { requireToken } from './chat-token';
import { requireOnConversation } from './conversation-access';
import { requireConversation } from './find-conversation';

/** R29: a customer may send at most 20 messages in 10 seconds. */
export const CUSTOMER_FLOOD = { messages: 20, windowMs: 10_000 } as const;
/** Enough recent messages to see the customer's last 20 among the agents'. */
const RECENT = 60;
/**
 * Writers racing for the next seq: one wins each round. Strictly next (never a gap) keeps
 * commits in seq order, so a reader asking for messages after its last seq never misses one.
 */
const SEND_ATTEMPTS = 25;

/** chat.send: the customer writes (R24: with their chat's secret). */
export async function sendCustomerMessage(
  deps: AppDeps,
  input: { conversationId: string; token: string; text: string }
): Promise<{ seq: number }> {
  const stored = await requireConversation(deps, input.conversationId);
  requireToken(stored.details, input.token);
  return send(deps, stored, { role: 'customer' }, input.text);
}

/** conversation.send: the assigned agent or a participant writes (R18); R17: the assignee's first reply goes on the work item. */
export async function sendAgentMessage(
  deps: AppDeps,
  input: { agentId: string | undefined; conversationId: string; text: string }
): Promise<{ seq: number }> {
  const stored = await requireConversation(deps, input.conversationId);
  const agentId = await requireOnConversation(deps, input.agentId, stored);
  return send(deps, stored, { role: 'agent', agentId }, input.text);
}

/**
 * One small write per message, conditional on its seq being free (two writers never share
 * one), in the same transaction as the conversation when the message stops R13's clock.
 */
async function send(deps: AppDeps, first: StoredConversation, sender: MessageSender, text: string): Promise<{ seq: number }> {
  const { id: conversationId } = first.conversation;
  const decided = await runDecision(
    deps,
    async (session) => {
      const stored = (await session.conversation(conversationId)) ?? first;
      // Only a customer's flood check (R29) needs more than the newest message (for the next seq).
      const recent = await deps.messages.latest(conversationId, sender.role === 'customer' ? RECENT : 1, stored.details.aiTurns);
      if (sender.role === 'customer')
        refuseFlood(
          recent.filter((m) => m.from === 'customer').map((m) => m.at),
          session.now
        );
      const change = orThrow(onMessage(session.state(), { conversationId, sender }, session.now));
      const seq = Math.max(recent[0]?.seq ?? 0, stored.details.aiTurns) + 1;
      session.addMessage({
        conversationId,
        seq,
        from: sender.role,
        text,
        at: session.now,
        authorId: sender.role === 'agent' ? sender.agentId : null
      });
      return { change, value: { seq, at: session.now } };
    },
    // R17: an agent's first reply is posted as them, in this invocation of theirs.
    { attempts: SEND_ATTEMPTS, ...(sender.role === 'agent' ? { actingAs: sender.agentId } : {}) }
  );
  const { seq, at } = decided.value;
  const { conversation, details } = first;
  // R20: the assignee already gets the decision's `notify` push for someone else's message (one push each, not two).
  const senderId = sender.role === 'agent' ? sender.agentId : null;
  const notified = conversation.status === 'active' && conversation.assignee !== senderId ? conversation.assignee : null;
  const onIt = [conversation.assignee, ...details.participants].filter(
    (id): id is string => id !== null && id !== senderId && id !== notified
  );
  const pushes = [deps.chatPushes.toAgents(onIt, { type: 'message', conversationId, seq, from: sender.role, text, at })];
  if (sender.role === 'agent') pushes.push(deps.chatPushes.toCustomer(details.channel, { type: 'message', seq, from: 'agent', text, at }));
  await Promise.all(pushes);
  return { seq };
}

function refuseFlood(customerTimes: readonly number[], now: number): void {
  const inWindow = customerTimes.filter((at) => now - at < CUSTOMER_FLOOD.windowMs).length;
  if (inWindow >= CUSTOMER_FLOOD.messages) {
    throw new AppError(
      'rate_limited',
      `You can send at most ${CUSTOMER_FLOOD.messages} messages in ${CUSTOMER_FLOOD.windowMs / 1000} seconds. Please wait a moment.`
    );
  }
}
