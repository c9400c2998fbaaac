import { AppError } from '../app-error';
import type { ModelTool } from '../ports/assistant-model';
import { askAboutConversation, type AssistDeps } from './assist-conversation';
import type { AgentToolInput } from './agent-tool-input';

/** The structured answer the model must give (AI2): the summary as a tool argument, not free text. */
export const SUMMARY_TOOL: ModelTool = {
  name: 'record_chat_summary',
  description: 'Records a short summary of the chat so far for the support agent who takes it over.',
  parameters: {
    type: 'object',
    properties: { summary: { type: 'string', description: 'Two or three sentences: what the customer needs and what was tried.' } },
    required: ['summary']
  }
};

const SUMMARY_MAX_CHARS = 600;

const SUMMARY_PROMPT = [
  'You summarize a help desk chat for the human agent who has just taken it over.',
  'Say what the customer needs, what has been tried or answered so far, and what is still open.',
  'Two or three sentences, plain text, in the customer’s language. Call record_chat_summary with it.'
].join('\n');

/**
 * AI2 `conversation.summary`: the chat so far, summarized for its assignee or a participant (the
 * inbox shows it when a chat is accepted; a transfer's receiving agent reads the same). One model
 * request within the agent's share (AI3).
 */
export async function summarizeConversation(deps: AssistDeps, input: AgentToolInput): Promise<{ summary: string }> {
  const { answer } = await askAboutConversation(deps, input, () => ({
    system: SUMMARY_PROMPT,
    tools: [SUMMARY_TOOL],
    requireTool: SUMMARY_TOOL.name
  }));
  const argument = answer.toolCalls.find((call) => call.name === SUMMARY_TOOL.name)?.arguments.summary;
  const text = (typeof argument === 'string' ? argument : answer.text).replace(/\s+/g, ' ').trim();
  if (!text) throw new AppError('unavailable', 'The AI assistant could not summarize this chat right now.');
  const chars = [...text];
  return {
    summary:
      chars.length <= SUMMARY_MAX_CHARS
        ? text
        : `${chars
            .slice(0, SUMMARY_MAX_CHARS - 1)
            .join('')
            .trimEnd()}…`
  };
}
