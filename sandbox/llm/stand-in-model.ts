import { createHash } from 'node:crypto';
import { textOf, type ChatRequest, type ToolSchema } from './chat-request';
import {
  GREETING_ANSWER,
  HANDED_OFF_ANSWER,
  HANDOFF_ANSWER,
  UNSURE_ANSWER,
  asksForPerson,
  isGreeting,
  isUnanswerable,
  topicOf
} from './support-topics';
import { escalationTool, toolArguments } from './tool-arguments';

/**
 * The deterministic model behind every Forge LLM name in the sandbox. It reads only the
 * customer's turns (never the system prompt, which may well mention "agents"):
 * - a request for a person, or a second turn it cannot help with → call the escalation tool
 *   the request offers (or say it will hand over, when none is offered);
 * - a known topic → the canned answer; a greeting → a greeting;
 * - the escalation tool's result came back → confirm the handoff;
 * `tool_choice` is honoured: 'none' hides the tools, 'required' or a named tool forces a call.
 * Finish reasons follow the Anthropic models Forge hosts: 'end_turn' and 'tool_use'.
 */
export interface AssistantReply {
  content: Array<{ type: 'text'; text: string }>;
  toolCalls: Array<{ id: string; type: 'function'; index: number; function: { name: string; arguments: Record<string, unknown> } }>;
  finishReason: 'end_turn' | 'tool_use';
}

/** Unanswered customer turns after which the stand-in stops trying and escalates. */
export const UNANSWERED_TURNS_BEFORE_ESCALATION = 2;

export function standInReply(request: ChatRequest): AssistantReply {
  const { messages } = request;
  const tools = request.tool_choice === 'none' ? [] : (request.tools ?? []);
  const customerTurns = messages.filter((m) => m.role === 'user').map((m) => textOf(m.content));
  const current = customerTurns[customerTurns.length - 1] ?? '';
  const forced = forcedTool(request, tools);
  if (messages[messages.length - 1].role === 'tool' && !forced) return text(HANDED_OFF_ANSWER);

  const unanswered = customerTurns.filter(isUnanswerable);
  const giveUp = isUnanswerable(current) && unanswered.length >= UNANSWERED_TURNS_BEFORE_ESCALATION;
  const tool = forced ?? (asksForPerson(current) || giveUp ? escalationTool(tools) : undefined);
  if (tool) {
    const summary = (unanswered[0] ?? current).slice(0, 200);
    const call = {
      id: callId(request, tool),
      type: 'function' as const,
      index: 0,
      function: { name: tool.function.name, arguments: toolArguments(tool, messages, summary) }
    };
    return { content: [{ type: 'text', text: HANDOFF_ANSWER }], toolCalls: [call], finishReason: 'tool_use' };
  }
  if (asksForPerson(current) || giveUp) return text(HANDOFF_ANSWER);
  const topic = topicOf(current);
  if (topic) return text(topic.answer);
  return text(isGreeting(current) ? GREETING_ANSWER : UNSURE_ANSWER);
}

function forcedTool(request: ChatRequest, tools: ToolSchema[]): ToolSchema | undefined {
  const choice = request.tool_choice;
  if (choice === 'required') return escalationTool(tools) ?? tools[0];
  if (typeof choice === 'object') return tools.find((t) => t.function.name === choice.function.name);
  return undefined;
}

function text(answer: string): AssistantReply {
  return { content: [{ type: 'text', text: answer }], toolCalls: [], finishReason: 'end_turn' };
}

/** Same conversation, same id: replays and retries see identical tool calls. */
function callId(request: ChatRequest, tool: ToolSchema): string {
  const digest = createHash('sha256')
    .update(JSON.stringify([request.messages, tool.function.name]))
    .digest('base64url');
  return `tooluse_${digest.slice(0, 22)}`;
}
