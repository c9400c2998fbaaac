/** What the widget's AI (R23) and the agent's assist (AI1, AI2) ask of a model: a reply to the turns so far, with the tools it may call (src/platform/llm implements it). */
export interface ModelTurn {
  readonly role: 'user' | 'assistant';
  readonly text: string;
}

export interface ModelTool {
  readonly name: string;
  readonly description: string;
  readonly parameters: Record<string, unknown>;
}

export interface ModelAnswer {
  readonly text: string;
  /** The tool calls the model made, with their arguments. */
  readonly toolCalls: readonly { readonly name: string; readonly arguments: Record<string, unknown> }[];
}

/** The model could not answer now (rate limit or outage) or refused the prompt. */
export class ModelUnavailableError extends Error {
  constructor(
    message: string,
    readonly rateLimited: boolean
  ) {
    super(message);
    this.name = 'ModelUnavailableError';
  }
}

export interface AssistantModel {
  /** `requireTool`: the model must answer by calling that tool (structured output, e.g. the agent's chat summary). */
  reply(system: string, turns: readonly ModelTurn[], tools: readonly ModelTool[], options?: { requireTool?: string }): Promise<ModelAnswer>;
}
