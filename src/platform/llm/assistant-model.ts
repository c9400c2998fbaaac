import { ModelUnavailableError, type AssistantModel } from '../../app/ports/assistant-model';

/**
 * The widget's AI (R23): an Atlassian-hosted model through Forge LLMs (`@forge/llm` chat),
 * offered one tool, the escalation. Claude Haiku: the fastest of the hosted models, enough
 * for a help-desk first line.
 */
export const ASSISTANT_MODEL = 'claude-haiku-4-5-20251001';
const MAX_OUTPUT_TOKENS = 600;

export function forgeAssistantModel(): AssistantModel {
  return {
    async reply(system, turns, tools, options) {
      let response;
      try {
        // Loaded on first use: @forge/llm reads the invocation's runtime when it is imported.
        const { chat } = await import('@forge/llm');
        response = await chat({
          model: ASSISTANT_MODEL,
          max_completion_tokens: MAX_OUTPUT_TOKENS,
          messages: [{ role: 'system', content: system }, ...turns.map((turn) => ({ role: turn.role, content: turn.text }))],
          // A reply without tools (the agent's suggested reply) offers none.
          ...(tools.length === 0
            ? {}
            : {
                tools: tools.map((tool) => ({
                  type: 'function' as const,
                  function: { name: tool.name, description: tool.description, parameters: tool.parameters }
                })),
                tool_choice: options?.requireTool
                  ? { type: 'function' as const, function: { name: options.requireTool } }
                  : ('auto' as const)
              })
        });
      } catch (error) {
        // ForgeLlmAPIError (not exported by @forge/llm) carries the HTTP status.
        const rateLimited = typeof error === 'object' && error !== null && (error as { status?: unknown }).status === 429;
        throw new ModelUnavailableError(error instanceof Error ? error.message : String(error), rateLimited);
      }
      const message = response.choices[0]?.message;
      const content = message?.content ?? '';
      const text = typeof content === 'string' ? content : content.map((part) => part.text).join('');
      const toolCalls = (message?.tool_calls ?? []).map((call) => ({
        name: call.function.name,
        arguments: asRecord(call.function.arguments)
      }));
      return { text, toolCalls };
    }
  };
}

/** Tool arguments arrive as an object, or as JSON text from some models. */
function asRecord(value: unknown): Record<string, unknown> {
  if (typeof value === 'string') {
    try {
      return asRecord(JSON.parse(value));
    } catch {
      return {};
    }
  }
  return typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {};
}
