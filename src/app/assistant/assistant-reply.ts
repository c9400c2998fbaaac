import { AppError } from '../app-error';
import { ModelUnavailableError, type AssistantModel, type ModelTurn } from '../ports/assistant-model';
import { loadSpace, type LoadSpaceDeps } from '../spaces/load-space';
import { assistantPrompt, ESCALATION_TOOL } from './assistant-prompt';
import { admitAssistantReply, type AssistantLimitDeps } from './assistant-reply-limit';

export interface AssistantTurn {
  readonly from: 'customer' | 'ai';
  readonly text: string;
}

export interface AssistantReply {
  readonly text: string;
  /** True when the customer asked for a person or the AI cannot help (R23): the widget starts the chat. */
  readonly escalate: boolean;
  /** The AI's one-sentence summary of the need when it escalates (R15's summary). */
  readonly summary?: string;
}

export interface AssistantReplyDeps extends LoadSpaceDeps, AssistantLimitDeps {
  readonly assistantModel: AssistantModel;
  readonly license: () => boolean | undefined;
}

const ESCALATING_TEXT = 'Let me connect you with a person from our team.';

/**
 * R23 `assistant.reply`: the widget's AI takes the next turn. Only where a chat could start
 * (live chat on, set up, not deactivated, license active): elsewhere the widget is hidden.
 * Each reply spends the installation's LLM quota, so each caller is limited first
 * (assistant-reply-limit.ts); `accountId` is null for an anonymous visitor.
 */
export async function assistantReply(
  deps: AssistantReplyDeps,
  input: { projectKey: string; transcript: readonly AssistantTurn[]; accountId: string | null }
): Promise<AssistantReply> {
  const { projectKey, transcript } = input;
  const space = await loadSpace(deps, projectKey);
  if (!space) throw new AppError('not_found', `There is no service space with the key ${projectKey}.`);
  if (deps.license() === false || !space.settings.enabled || !space.settings.setUp || space.deactivated) {
    throw new AppError('unavailable', 'Live chat is not available for this space.');
  }
  await admitAssistantReply(deps, { projectKey, accountId: input.accountId });
  let answer;
  try {
    answer = await deps.assistantModel.reply(assistantPrompt(space.projectName), modelTurns(transcript), [ESCALATION_TOOL]);
  } catch (error) {
    if (!(error instanceof ModelUnavailableError)) throw error;
    throw new AppError(
      error.rateLimited ? 'rate_limited' : 'unavailable',
      'The assistant cannot answer right now. You can ask to talk to a person.'
    );
  }
  const escalation = answer.toolCalls.find((call) => call.name === ESCALATION_TOOL.name);
  if (!escalation) return { text: answer.text.trim() || 'Could you tell me a bit more?', escalate: false };
  const summary = escalationSummary(escalation.arguments.summary);
  return { text: answer.text.trim() || ESCALATING_TEXT, escalate: true, ...(summary ? { summary } : {}) };
}

/** What `chat.start` (and Jira's summary field) take: one line of at most 255 characters. */
export const SUMMARY_MAX_CHARS = 255;

/** The escalation tool's `summary` argument as the widget passes it to chat.start (R15); undefined when the model gave none. */
export function escalationSummary(argument: unknown): string | undefined {
  if (typeof argument !== 'string') return undefined;
  const line = argument.replace(/\s+/g, ' ').trim();
  if (!line) return undefined;
  if (line.length <= SUMMARY_MAX_CHARS) return line;
  // Cut between characters (never inside a surrogate pair), leaving room for the ellipsis.
  let cut = '';
  for (const char of line) {
    if (cut.length + char.length > SUMMARY_MAX_CHARS - 1) break;
    cut += char;
  }
  return `${cut.trimEnd()}…`;
}

/**
 * The model's turns: the customer speaks as the user, the AI (and, in the inbox's assist, the
 * agent) as the assistant; the customer speaks first; consecutive turns of one side are joined.
 * System lines are the app's, not the chat's.
 */
export function modelTurns(
  transcript: readonly { readonly from: 'customer' | 'ai' | 'agent' | 'system'; readonly text: string }[]
): ModelTurn[] {
  const turns: ModelTurn[] = [];
  for (const turn of transcript) {
    if (turn.from === 'system') continue;
    const role = turn.from === 'customer' ? 'user' : 'assistant';
    if (turns.length === 0 && role === 'assistant') continue;
    const last = turns[turns.length - 1];
    if (last && last.role === role) turns[turns.length - 1] = { role, text: `${last.text}\n${turn.text}` };
    else turns.push({ role, text: turn.text });
  }
  return turns;
}
