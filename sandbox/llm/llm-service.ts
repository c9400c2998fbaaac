import type { SandboxClock } from '../runtime/clock';
import type { FaultInjector } from '../runtime/faults';
import type { ForgeSeam, ServiceRequest } from '../runtime/forge-seam';
import type { UsageMeter } from '../runtime/usage-meter';
import { platformResponse } from '../events/platform-response';
import { SlidingWindow } from '../events/sliding-window';
import { parseChatRequest, textOf, type ChatRequest } from './chat-request';
import { FORGE_LLM_MODELS, estimateTokens, type ModelSpec } from './llm-models';
import { standInReply } from './stand-in-model';

/**
 * Forge LLMs (`@forge/llm` chat, stream, list) behind the seam key `llm`: GET `https://llm`
 * lists the models, POST `https://llm/{model}` answers a prompt with the stand-in model. No
 * model is downloaded. Limits per installation, as Forge documents them: 100 requests and
 * 500,000 tokens a minute, the model's context window and maximum output. Errors are
 * `{ code, message }` bodies, which the SDK raises as ForgeLlmAPIError with that code and
 * the HTTP status; the code names themselves are the sandbox's (Forge does not list them).
 */
export const REQUESTS_PER_MINUTE = 100;
export const TOKENS_PER_MINUTE = 500_000;

export interface LlmServiceOptions {
  clock: SandboxClock;
  meter: UsageMeter;
  faults: FaultInjector;
  models?: ModelSpec[];
}

export interface LlmService {
  register(seam: ForgeSeam): void;
  handle(request: ServiceRequest): Promise<Response>;
}

const BASE_URL = 'https://llm';

export function createLlmService({ clock, meter, faults, models = FORGE_LLM_MODELS }: LlmServiceOptions): LlmService {
  const requests = new SlidingWindow(REQUESTS_PER_MINUTE, 60_000);
  const tokens = new SlidingWindow(TOKENS_PER_MINUTE, 60_000);

  function refuse(status: number, code: string, message: string, headers: Record<string, string> = {}): Response {
    return platformResponse(status, { code, message }, headers);
  }

  function rateLimited(window: SlidingWindow, what: string): Response {
    const seconds = Math.max(1, Math.ceil(window.msUntilRoom(clock.now()) / 1000));
    return refuse(429, 'RATE_LIMIT_EXCEEDED', `The installation has used its ${what} per minute. Retry after ${seconds} s.`, {
      'retry-after': String(seconds)
    });
  }

  function chat(spec: ModelSpec, request: ChatRequest): Response {
    const inputTokens = estimateTokens(request.messages.map((m) => textOf(m.content)).join('\n') + JSON.stringify(request.tools ?? []));
    const requested = request.max_completion_tokens;
    if (requested !== undefined && requested > spec.maxOutputTokens) {
      return refuse(
        400,
        'INVALID_REQUEST',
        `max_completion_tokens ${requested} is more than the ${spec.maxOutputTokens} ${spec.model} can generate.`
      );
    }
    if (inputTokens + (requested ?? 0) > spec.contextWindowTokens) {
      return refuse(
        400,
        'CONTEXT_LENGTH_EXCEEDED',
        `The prompt is too long: ${inputTokens} tokens (plus ${requested ?? 0} to generate) > ${spec.contextWindowTokens} maximum for ${spec.model}.`
      );
    }
    const now = clock.now();
    if (!requests.admit(now)) return rateLimited(requests, `${REQUESTS_PER_MINUTE} requests`);
    const reply = standInReply(request);
    const outputTokens = estimateTokens(reply.content.map((part) => part.text).join('') + JSON.stringify(reply.toolCalls));
    if (!tokens.admit(now, inputTokens + outputTokens)) return rateLimited(tokens, `${TOKENS_PER_MINUTE} tokens`);
    meter.record('llm.calls', 1, spec.model);
    const response = {
      choices: [
        {
          finish_reason: reply.finishReason,
          index: 0,
          message: { role: 'assistant', content: reply.content, ...(reply.toolCalls.length > 0 ? { tool_calls: reply.toolCalls } : {}) }
        }
      ],
      usage: { input_tokens: inputTokens, output_tokens: outputTokens, total_tokens: inputTokens + outputTokens }
    };
    // `stream` gets the whole reply as one newline-delimited JSON chunk, which the SDK's parser yields as is.
    if (request.stream)
      return new Response(`${JSON.stringify(response)}\n`, { status: 200, headers: { 'content-type': 'application/x-ndjson' } });
    return platformResponse(200, response);
  }

  async function handle(request: ServiceRequest): Promise<Response> {
    const model = request.path.startsWith(`${BASE_URL}/`) ? decodeURIComponent(request.path.slice(BASE_URL.length + 1)) : undefined;
    const fault = faults.take('llm', `${request.method} ${model ?? 'models'}`);
    if (fault?.kind === 'http429') return refuse(429, 'RATE_LIMIT_EXCEEDED', 'Too many requests.', { 'retry-after': '60' });
    if (fault?.kind === 'http5xx') return refuse(500, 'INTERNAL_SERVER_ERROR', 'The model is unavailable. Try again later.');
    if (request.method === 'GET' && model === undefined)
      return platformResponse(200, { models: models.map(({ model: name, status }) => ({ model: name, status })) });
    if (request.method !== 'POST' || model === undefined)
      return refuse(404, 'NOT_FOUND', `No Forge LLM endpoint at ${request.method} ${request.path}.`);
    const spec = models.find((m) => m.model === model);
    if (!spec)
      return refuse(
        400,
        'INVALID_MODEL',
        `The model '${model}' is not supported. Supported models: ${models.map((m) => m.model).join(', ')}.`
      );
    const parsed = parseChatRequest(request.body);
    if (typeof parsed === 'string') return refuse(400, 'INVALID_REQUEST', parsed);
    return chat(spec, parsed);
  }

  return { register: (seam) => seam.register('llm', handle), handle };
}
