/**
 * The body @forge/llm posts for `chat` and `stream` (the SDK's LlmRequest plus `stream`),
 * read defensively: the platform validates again what the SDK validated.
 */
export interface TextPart {
  type: 'text';
  text: string;
}

export type Content = string | TextPart[];

export interface ChatMessage {
  role: 'system' | 'user' | 'assistant' | 'tool';
  content: Content;
  tool_call_id?: string;
  tool_calls?: unknown[];
}

export interface ToolSchema {
  type: 'function';
  function: { name: string; description: string; parameters: Record<string, unknown> };
}

export type ToolChoice = 'auto' | 'none' | 'required' | { type: 'function'; function: { name: string } };

export interface ChatRequest {
  messages: ChatMessage[];
  temperature?: number;
  max_completion_tokens?: number;
  top_p?: number;
  tools?: ToolSchema[];
  tool_choice?: ToolChoice;
  stream?: boolean;
}

const ROLES = ['system', 'user', 'assistant', 'tool'];

/** Returns the request, or the reason it is not one. */
export function parseChatRequest(raw: string | undefined): ChatRequest | string {
  let body: Partial<ChatRequest>;
  try {
    body = JSON.parse(raw ?? '') as Partial<ChatRequest>;
  } catch {
    return 'The request body must be JSON.';
  }
  if (!Array.isArray(body.messages) || body.messages.length === 0) return 'No messages were provided. Provide at least one message.';
  const badIndex = body.messages.findIndex((m) => typeof m !== 'object' || m === null || !ROLES.includes(m.role) || !isContent(m.content));
  if (badIndex !== -1) return `Message at index ${badIndex} needs a role of [${ROLES.join(', ')}] and text content.`;
  if (body.tools !== undefined && (!Array.isArray(body.tools) || !body.tools.every(isTool)))
    return 'Each tool needs type "function" and a function name.';
  const choice = body.tool_choice;
  if (typeof choice === 'object' && choice !== null && !body.tools?.some((t) => t.function.name === choice.function?.name)) {
    return `tool_choice names a tool that is not in tools: ${String(choice.function?.name)}.`;
  }
  return body as ChatRequest;
}

export function textOf(content: Content): string {
  return typeof content === 'string' ? content : content.map((part) => part.text).join('\n');
}

function isContent(content: unknown): content is Content {
  if (typeof content === 'string') return true;
  return (
    Array.isArray(content) && content.every((p) => typeof p === 'object' && p !== null && p.type === 'text' && typeof p.text === 'string')
  );
}

function isTool(tool: unknown): tool is ToolSchema {
  const candidate = tool as Partial<ToolSchema> | null;
  return candidate?.type === 'function' && typeof candidate.function?.name === 'string';
}
