import { AppError } from '../app-error';
import { askAboutConversation, type AssistDeps } from './assist-conversation';
import type { AgentToolInput } from './agent-tool-input';

/** R29: a message is at most 4,000 characters (the contract's send schema checks it); a longer draft is cut to fit. */
const MESSAGE_MAX_CHARS = 4_000;

function suggestionPrompt(agentName: string | null): string {
  return [
    `You draft the next reply of ${agentName ?? 'a support agent'}, a human agent of a help desk, in a live chat with a customer.`,
    'The assistant turns are the agent’s earlier messages (and, before the handoff, the help desk’s AI assistant).',
    'Write only the message the agent could send next: brief, friendly, concrete, in the customer’s language.',
    'Never promise what the agent cannot check; never invent policies, prices or links. Plain text only.'
  ].join('\n');
}

/**
 * AI1 `conversation.suggestReply`: a draft of the agent's next message. It is only returned:
 * the inbox puts it in the composer, where the agent reads, edits and sends it themselves.
 */
export async function suggestReply(deps: AssistDeps, input: AgentToolInput): Promise<{ text: string }> {
  const { answer } = await askAboutConversation(deps, input, (stored) => ({ system: suggestionPrompt(stored.details.agentName) }));
  const text = [...answer.text.trim()].slice(0, MESSAGE_MAX_CHARS).join('');
  if (!text) throw new AppError('unavailable', 'The AI assistant had no suggestion this time. Try again, or write your reply yourself.');
  return { text };
}
