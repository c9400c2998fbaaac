import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { SandboxClock } from '../runtime/clock';
import type { FaultInjector } from '../runtime/faults';
import { SANDBOX_INSTALLATION_ID, type ForgeSeam, type ServiceRequest } from '../runtime/forge-seam';
import type { InvocationContext } from '../runtime/invocation-context';
import type { UsageMeter } from '../runtime/usage-meter';
import { platformResponse } from '../events/platform-response';
import { SlidingWindow } from '../events/sliding-window';
import { ChannelHub, type RealtimeListener, type SubscriptionView } from './channel-hub';
import { channelKey, type RealtimeContext } from './channel-scope';
import { RealtimeError } from './realtime-error';
import { graphqlError, parseOperation, publishedAnswer, signedAnswer, type PublishVariables, type SignVariables } from './realtime-graphql';
import { handleSse, type SseIdentity } from './realtime-sse';
import { RealtimeTokens, type TokenPayload, type TokenPermission, type TokenProblem } from './realtime-token';

/**
 * Forge Realtime (`@forge/realtime` publish, publishGlobal, signRealtimeToken) behind the
 * seam key `realtime`, and the side the browser reaches through the bridge: in-process
 * `subscribe`, Server-Sent Events and `publishFromPage`. Limits: 50 operations per second per
 * installation across subscribe, publish and signRealtimeToken (Forge); payloads are capped
 * at `maxPayloadBytes` (Forge documents no size limit; the sandbox cap is its own).
 *
 * Token channels, the strict reading: once the app signs (or uses) a token for a channel name,
 * that name is the app's token channel and every subscribe or publish on it needs a valid token
 * (TOKEN_REQUIRED otherwise; on Forge a request without a token lands on the name's tokenless
 * channel, which the token's holders never meet). A token must be for the channel, unexpired
 * and allow the use (a subscribe-only token cannot publish, from a browser or from a function).
 * Every refusal for want of a right token is counted in the meter's `realtime.refused`, so a
 * push that never arrived cannot hide behind a page's polling.
 */
export const OPERATIONS_PER_SECOND = 50;
export const DEFAULT_MAX_PAYLOAD_BYTES = 32 * 1024;

export interface RealtimeServiceOptions {
  clock: SandboxClock;
  meter: UsageMeter;
  faults: FaultInjector;
  /**
   * The Atlassian app context of the invocation that publishes (its module and
   * `context.extension`). Defaults to the invocation's module with an empty extension, which
   * scopes by module only: pass the app host's real extension context to scope by page.
   */
  contextOf?: (invocation: InvocationContext) => RealtimeContext | undefined;
  tokenTtlSeconds?: number;
  maxPayloadBytes?: number;
}

export interface SubscribeRequest {
  channel: string;
  isGlobal?: boolean;
  /** The subscribing page's context; required unless the subscription is global. */
  context?: RealtimeContext;
  contextOverrides?: string[];
  token?: string;
  accountId?: string;
  /** Also deliver the events of the last N seconds on this channel. */
  replaySeconds?: number;
}

export interface PagePublish {
  channel: string;
  /** The payload as the bridge sends it: a string, or an object it serialises. */
  payload: unknown;
  isGlobal: boolean;
  token?: string;
  contextOverrides?: string[];
}

/** The bridge's PublishResult: `errors` are messages. */
export type PagePublishResult = { eventId: string; eventTimestamp: string } | { eventId: null; eventTimestamp: null; errors: string[] };

export interface RealtimeService {
  register(seam: ForgeSeam): void;
  handle(request: ServiceRequest): Promise<Response>;
  /**
   * Throws RealtimeError when refused; returns the unsubscribe function. `onEnd` hears that a
   * subscription made with a token ended because the token expired.
   */
  subscribe(request: SubscribeRequest, listener: RealtimeListener, onEnd?: (error: RealtimeError) => void): () => void;
  /** @forge/bridge's `realtime.publish` / `publishGlobal` from a page: its context is the page's. */
  publishFromPage(page: RealtimeContext, request: PagePublish): Promise<PagePublishResult>;
  /** `GET /realtime/subscribe?channel=&global=&context=&overrides=&token=&replay=` as Server-Sent Events. */
  handleRealtimeSse(req: IncomingMessage, res: ServerResponse, identity: SseIdentity): void;
  /** Test hook: who is subscribed to what. */
  subscriptions(): SubscriptionView[];
}

export function createRealtimeService(options: RealtimeServiceOptions): RealtimeService {
  const { clock, meter, faults } = options;
  const contextOf = options.contextOf ?? ((invocation) => ({ moduleKey: invocation.moduleKey, extension: {} }));
  const maxPayloadBytes = options.maxPayloadBytes ?? DEFAULT_MAX_PAYLOAD_BYTES;
  const tokens = new RealtimeTokens(clock, options.tokenTtlSeconds);
  const hub = new ChannelHub();
  const operations = new SlidingWindow(OPERATIONS_PER_SECOND, 1000);
  /** Channel names the app has signed tokens for, or used one on. */
  const tokenChannels = new Set<string>();

  /** Records why a request may not use a channel, and answers it. */
  function refusal(use: TokenPermission, problem: TokenProblem, name: string): TokenProblem {
    meter.record('realtime.refused', 1, `${use} ${problem} ${channelFamily(name)}`);
    return problem;
  }

  /** The token's payload when it may `use` the channel; undefined for no token on a channel without tokens. */
  function authorize(name: string, token: unknown, use: TokenPermission): { payload?: TokenPayload } | { problem: TokenProblem } {
    if (typeof token !== 'string' || token.length === 0)
      return tokenChannels.has(name) ? { problem: refusal(use, 'TOKEN_REQUIRED', name) } : {};
    const check = tokens.verify(token, name, use);
    if (!check.ok) return { problem: refusal(use, check.problem, name) };
    // A token signed by an earlier sandbox of this process (the app keeps tokens in memory) makes the name a token channel too.
    tokenChannels.add(name);
    return { payload: check.payload };
  }

  /** Injected faults first, then the installation's rate limit: both count every request that reaches Forge. */
  function gate(description: string): RealtimeError | undefined {
    const fault = faults.take('realtime', description);
    if (fault?.kind === 'http429') return new RealtimeError('RATE_LIMIT_EXCEEDED');
    if (fault?.kind === 'http5xx') return new RealtimeError('INTERNAL_SERVER_ERROR');
    if (!operations.admit(clock.now())) return new RealtimeError('RATE_LIMIT_EXCEEDED');
    return undefined;
  }

  function publish(variables: PublishVariables, publisher: RealtimeContext | undefined): Response {
    const { installationId, name, payload, context, isGlobal, token } = variables;
    if (installationId !== SANDBOX_INSTALLATION_ID) return graphqlError('The app is not installed on this installation.', 'NOT_FOUND', 404);
    if (typeof name !== 'string' || name.length === 0) return graphqlError('A channel name is required.', 'BAD_REQUEST', 400);
    if (typeof payload !== 'string') return graphqlError('The payload must be a string.', 'BAD_REQUEST', 400);
    if (Buffer.byteLength(payload) > maxPayloadBytes) {
      return graphqlError(`The payload is larger than the ${maxPayloadBytes / 1024}KB the sandbox accepts.`, 'PAYLOAD_TOO_LARGE', 413);
    }
    const allowed = authorize(name, token, 'publish');
    if ('problem' in allowed) return graphqlError(`Realtime token validation failed: ${allowed.problem}`, allowed.problem, 403);
    const overrides = contextOverridesOf(context);
    if (overrides === INVALID) return graphqlError('The channel context must be JSON.', 'BAD_REQUEST', 400);
    const key = channelKey({
      name,
      isGlobal: isGlobal === true,
      context: publisher,
      contextOverrides: overrides,
      claims: allowed.payload?.claims
    });
    if (!key.ok) return graphqlError(key.message, 'BAD_REQUEST', 400);
    const event = { channel: name, eventId: randomUUID(), eventTimestamp: new Date(clock.now()).toISOString(), payload };
    const { expired } = hub.publish(key.key, event, clock.now());
    for (let i = 0; i < expired; i++) refusal('subscribe', 'TOKEN_EXPIRED', name);
    meter.record('realtime.publishes', 1, `${isGlobal === true ? 'global' : 'context'} ${channelFamily(name)}`);
    return publishedAnswer(event.eventId, event.eventTimestamp);
  }

  function sign({ channelName, claims, permissions }: SignVariables): Response {
    if (typeof channelName !== 'string' || channelName.length === 0) return graphqlError('A channel name is required.', 'BAD_REQUEST', 400);
    if (claims === undefined || claims === null) return graphqlError('Claims are required.', 'BAD_REQUEST', 400);
    const valid =
      permissions === undefined ||
      (Array.isArray(permissions) && permissions.length > 0 && permissions.every((p) => p === 'subscribe' || p === 'publish'));
    if (!valid) return graphqlError("Permissions must be a non-empty list of 'subscribe' and 'publish'.", 'BAD_REQUEST', 400);
    const { jwt, expiresAt } = tokens.sign(channelName, claims, permissions as TokenPermission[] | undefined);
    tokenChannels.add(channelName);
    meter.record('realtime.signs', 1, channelFamily(channelName));
    return signedAnswer(jwt, expiresAt);
  }

  async function handle(request: ServiceRequest): Promise<Response> {
    const operation = parseOperation(request.body);
    if (operation.kind === 'invalid') return platformResponse(400, { errors: [{ message: operation.message }] });
    const target = operation.kind === 'publish' ? operation.variables.name : operation.variables.channelName;
    const refused = gate(`${operation.kind} ${String(target)}`);
    if (refused) return platformResponse(refused.status, { errors: [{ message: refused.code }] });
    const invocation = request.invocation;
    return operation.kind === 'publish' ? publish(operation.variables, invocation && contextOf(invocation)) : sign(operation.variables);
  }

  async function publishFromPage(page: RealtimeContext, request: PagePublish): Promise<PagePublishResult> {
    const fail = (...errors: string[]): PagePublishResult => ({ eventId: null, eventTimestamp: null, errors });
    const limited = gate(`publish ${request.channel}`);
    if (limited) return fail(limited.code);
    const response = publish(
      {
        installationId: SANDBOX_INSTALLATION_ID,
        name: request.channel,
        payload: typeof request.payload === 'string' ? request.payload : JSON.stringify(request.payload ?? {}),
        isGlobal: request.isGlobal,
        ...(request.token ? { token: request.token } : {}),
        ...(request.contextOverrides ? { context: JSON.stringify({ contextOverrides: request.contextOverrides }) } : {})
      },
      page
    );
    const answer = (await response.json()) as {
      data?: { ecosystem: { publishRealtimeChannel: { eventId: string; eventTimestamp: string } } };
      errors?: Array<{ message: string }>;
    };
    if (answer.errors?.length || !answer.data) return fail(...(answer.errors ?? []).map((e) => e.message));
    return answer.data.ecosystem.publishRealtimeChannel;
  }

  function subscribe(request: SubscribeRequest, listener: RealtimeListener, onEnd?: (error: RealtimeError) => void): () => void {
    const limited = gate(`subscribe ${request.channel}`);
    if (limited) throw limited;
    if (!request.channel) throw new RealtimeError('BAD_REQUEST', 'A channel name is required.');
    const allowed = authorize(request.channel, request.token, 'subscribe');
    if ('problem' in allowed) throw new RealtimeError(allowed.problem, `Realtime token validation failed: ${allowed.problem}`);
    const claims = allowed.payload?.claims;
    const lifetime = allowed.payload && {
      expiresAt: allowed.payload.exp * 1000,
      onEnd: () => onEnd?.(new RealtimeError('TOKEN_EXPIRED', 'Realtime token validation failed: TOKEN_EXPIRED'))
    };
    const isGlobal = request.isGlobal === true;
    if (!isGlobal && !request.context)
      throw new RealtimeError('INVALID_CONTEXT', 'A subscription that is not global needs the page context.');
    const key = channelKey({
      name: request.channel,
      isGlobal,
      context: request.context,
      contextOverrides: request.contextOverrides,
      claims
    });
    if (!key.ok) throw new RealtimeError('INVALID_CONTEXT', key.message);
    meter.record('realtime.subscriptions', 1, isGlobal ? 'global' : 'context');
    const replayFrom = request.replaySeconds ? clock.now() - request.replaySeconds * 1000 : undefined;
    const view: SubscriptionView = {
      channel: request.channel,
      isGlobal,
      withToken: claims !== undefined,
      ...(request.accountId ? { accountId: request.accountId } : {})
    };
    return hub.add(key.key, view, listener, replayFrom, lifetime);
  }

  return {
    register: (seam) => seam.register('realtime', handle),
    handle,
    subscribe,
    publishFromPage,
    handleRealtimeSse: (req, res, identity) => handleSse(subscribe, req, res, identity),
    subscriptions: () => hub.view()
  };
}

const INVALID = Symbol('invalid');

/** The SDK sends overrides as the `context` variable, `JSON.stringify({ contextOverrides })`. */
function contextOverridesOf(context: unknown): unknown {
  if (typeof context !== 'string') return undefined;
  try {
    return (JSON.parse(context) as { contextOverrides?: unknown }).contextOverrides;
  } catch {
    return INVALID;
  }
}

/** A channel's name without its last part (usually a secret or an id), so the meter can say which kind of channel was busy. */
function channelFamily(name: string): string {
  const cut = name.lastIndexOf('-');
  return cut > 0 ? name.slice(0, cut) : name;
}
