/**
 * The models Forge LLMs lists (Forge LLMs models page: Claude Haiku, Sonnet and Opus
 * variants), each with its context window and maximum output as Forge documents them
 * (Haiku 200K / 64K, Sonnet and Opus 1M / 128K). All of them are answered by the same
 * stand-in; the names only decide which limits apply. Pass `models` to the service to
 * follow a newer list.
 */
export interface ModelSpec {
  model: string;
  status: 'active' | 'deprecated';
  contextWindowTokens: number;
  maxOutputTokens: number;
}

export const FORGE_LLM_MODELS: ModelSpec[] = [
  { model: 'claude-haiku-4-5-20251001', status: 'active', contextWindowTokens: 200_000, maxOutputTokens: 64_000 },
  { model: 'claude-sonnet-4-20250514', status: 'active', contextWindowTokens: 1_000_000, maxOutputTokens: 128_000 },
  { model: 'claude-sonnet-4-5-20250929', status: 'active', contextWindowTokens: 1_000_000, maxOutputTokens: 128_000 },
  { model: 'claude-opus-4-6', status: 'active', contextWindowTokens: 1_000_000, maxOutputTokens: 128_000 }
];

/**
 * Tokens as a model would count them, approximately: four characters a token, the usual
 * rule of thumb for English with Claude tokenizers. Close enough to enforce the limits.
 */
export function estimateTokens(text: string): number {
  return Math.ceil(text.length / 4);
}
