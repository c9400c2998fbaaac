import { AppError } from '../app-error';
import type { AppDeps } from '../app-deps';
import { ModelUnavailableError, type AssistantModel, type ModelAnswer, type ModelTool, type ModelTurn } from '../ports/assistant-model';
import { modelTurns } from '../assistant/assistant-reply';
import type { ChatMessage } from '../ports/chat-messages';
import type { ChatStartLog } from '../ports/chat-start-log';
import type { StoredConversation } from '../ports/routing-store';
import { requireOnConversation } from '../chat/conversation-access';
import { aiMessages } from '../chat/conversation-messages';
import { requireConversation } from '../chat/find-conversation';
import { admitAgentAssist } from './agent-assist-limit';
import type { AgentToolInput } from './agent-tool-input';

export type AssistDeps = AppDeps & {
  readonly assistantModel: AssistantModel;
  readonly chatStarts: ChatStartLog;
};

/** The newest live messages the model reads (with the AI conversation before the handoff). */
const LIVE_MESSAGES = 40;

/**
 * AI1, AI2: one request to the model about a chat, for its assignee or a participant (R18:
 * only they read its messages), within the agent's share of the LLM quota (AI3). The model reads
 * the AI conversation and the newest live messages; an outage or the platform's own rate limit
 * is a clear `unavailable` / `rate_limited`, and nothing is sent to the customer either way.
 */
export async function askAboutConversation(
  deps: AssistDeps,
  input: AgentToolInput,
  ask: (stored: StoredConversation, turns: ModelTurn[]) => { system: string; tools?: ModelTool[]; requireTool?: string }
): Promise<{ stored: StoredConversation; answer: ModelAnswer }> {
  const stored = await requireConversation(deps, input.conversationId);
  const agentId = await requireOnConversation(deps, input.accountId, stored);
  const turns = modelTurns(await chatMessages(deps, stored));
  if (turns.length === 0) throw new AppError('invalid', 'The customer has not written anything yet.');
  await admitAgentAssist(deps, agentId);
  const { system, tools = [], requireTool } = ask(stored, turns);
  try {
    return { stored, answer: await deps.assistantModel.reply(system, turns, tools, requireTool ? { requireTool } : undefined) };
  } catch (error) {
    if (!(error instanceof ModelUnavailableError)) throw error;
    throw new AppError(
      error.rateLimited ? 'rate_limited' : 'unavailable',
      error.rateLimited
        ? 'The AI assistant is busy right now. Try again in a minute, or write your reply yourself.'
        : 'The AI assistant is unavailable right now. Write your reply yourself, or try again later.'
    );
  }
}

async function chatMessages(deps: AppDeps, stored: StoredConversation): Promise<ChatMessage[]> {
  const { conversation, details } = stored;
  const [turns, newest] = await Promise.all([
    deps.messages.aiTurns([conversation.id]),
    deps.messages.latest(conversation.id, LIVE_MESSAGES, details.aiTurns)
  ]);
  return [...aiMessages(turns.get(conversation.id) ?? [], stored), ...newest.reverse()];
}
