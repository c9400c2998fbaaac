import { textOf, type ChatMessage, type ToolSchema } from './chat-request';

/**
 * Picks the escalation tool among those a request offers and fills its arguments from the
 * conversation, the way a real model would read the tool's JSON schema: a summary of the
 * need, the conversation so far, and a project key when the system prompt names one.
 */
const ESCALATION = [/escalat|hand\s?off|handover/i, /human|person|agent|live chat|support team/i];

/** A tool that says it escalates beats one that merely mentions agents or people. */
export function escalationTool(tools: ToolSchema[]): ToolSchema | undefined {
  for (const pattern of ESCALATION) {
    const tool = tools.find((t) => pattern.test(t.function.name) || pattern.test(t.function.description ?? ''));
    if (tool) return tool;
  }
  return undefined;
}

interface PropertySchema {
  type?: string;
  description?: string;
}

export function toolArguments(tool: ToolSchema, messages: ChatMessage[], summary: string): Record<string, unknown> {
  const parameters = tool.function.parameters as { properties?: Record<string, PropertySchema>; required?: string[] };
  const required = new Set(parameters.required ?? []);
  const args: Record<string, unknown> = {};
  for (const [name, schema] of Object.entries(parameters.properties ?? {})) {
    const value = valueFor(`${name} ${schema.description ?? ''}`, messages, summary);
    if (value !== undefined) args[name] = value;
    else if (required.has(name) && (schema.type === undefined || schema.type === 'string')) args[name] = summary;
  }
  return args;
}

function valueFor(label: string, messages: ChatMessage[], summary: string): string | undefined {
  if (/summary|reason|need|issue|problem|topic|subject/i.test(label)) return summary;
  if (/conversation|transcript|history|messages|context/i.test(label)) return transcript(messages);
  if (/project/i.test(label)) return projectKey(messages);
  return undefined;
}

function transcript(messages: ChatMessage[]): string {
  return messages
    .filter((m) => m.role === 'user' || m.role === 'assistant')
    .map((m) => `${m.role === 'user' ? 'Customer' : 'AI'}: ${textOf(m.content)}`)
    .filter((line) => !line.endsWith(': '))
    .join('\n');
}

function projectKey(messages: ChatMessage[]): string | undefined {
  for (const message of messages) {
    if (message.role !== 'system') continue;
    const match = /project key[:\s]+([A-Z][A-Z0-9_]+)/i.exec(textOf(message.content));
    if (match) return match[1];
  }
  return undefined;
}
