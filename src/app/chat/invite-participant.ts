import { noChange } from '../../domain';
import { AppError } from '../app-error';
import { runDecision } from '../decision/run-decision';
import type { AppDeps } from '../app-deps';
import { requireConversation } from './find-conversation';

/** Participants besides the assignee (each reads everything, R18). */
export const MAX_PARTICIPANTS = 10;

/** R18: the assigned agent adds another agent of the space, who then reads and writes the chat. */
export async function inviteParticipant(
  deps: AppDeps,
  input: { agentId: string | undefined; conversationId: string; accountId: string }
): Promise<{ participants: string[] }> {
  const first = await requireConversation(deps, input.conversationId);
  const { conversation } = first;
  if (!input.agentId || conversation.assignee !== input.agentId)
    throw new AppError('forbidden', 'Only the assigned agent can invite others to this chat.');
  if (conversation.status !== 'active')
    throw new AppError('conflict', `This chat is ${conversation.status}; only a running chat takes participants.`);
  if (input.accountId === input.agentId)
    throw new AppError('invalid', 'You are already on this chat.', { accountId: 'the assigned agent cannot invite themselves' });
  // The app may not ask Jira about another account's permissions (only the caller's own, as
  // them): the invitee must be one of the space's agents (R3: its Team, or who can be assigned
  // its work), and proves the agent permission as themselves when they open their inbox (R28).
  const space = await deps.spaces.get(conversation.projectKey);
  if (!space?.config.agentIds.includes(input.accountId)) {
    throw new AppError('invalid', `${input.accountId} is not an agent of ${conversation.projectKey}.`, {
      accountId: 'must be an agent of the space'
    });
  }
  const decided = await runDecision(deps, async (session) => {
    const stored = await session.conversation(input.conversationId);
    if (!stored || stored.conversation.status !== 'active') throw new AppError('conflict', 'This chat has ended.');
    const { participants } = stored.details;
    if (participants.includes(input.accountId)) return { change: noChange, value: [...participants] };
    if (participants.length >= MAX_PARTICIPANTS) throw new AppError('conflict', `A chat takes at most ${MAX_PARTICIPANTS} participants.`);
    const next = [...participants, input.accountId];
    session.setDetails(input.conversationId, { ...stored.details, participants: next });
    return { change: noChange, value: next };
  });
  await deps.chatPushes.toAgents([input.accountId], { type: 'conversation', conversationId: input.conversationId, status: 'active' });
  return { participants: decided.value };
}
