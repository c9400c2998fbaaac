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
import { RealtimeTokens, type TokenPermission } from './realtime-token';

/**
 * Forge Realtime (`@forge/realtime` publish, publishGlobal, signRealtimeToken) behind the
 * seam key `realtime`, and the subscribe side the browser reaches through the bridge:
 * in-process `subscribe` and Server-Sent Events. Limits: 50 operations per second per
 * installation across subscribe, publish and signRealtimeToken (Forge); payloads are capped
 * at `maxPayloadBytes` (Forge documents no size limit; the sandbox cap is its own).
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

export interface RealtimeService {
  register(seam: ForgeSeam): void;
  handle(request: ServiceRequest): Promise<Response>;
  /** Throws RealtimeError when refused; returns the unsubscribe function. */
  subscribe(request: SubscribeRequest, listener: RealtimeListener): () => void;
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

  /** Injected faults first, then the installation's rate limit: both count every request that reaches Forge. */
  function gate(description: string): RealtimeError | undefined {
    const fault = faults.take('realtime', description);
    if (fault?.kind === 'http429') return new RealtimeError('RATE_LIMIT_EXCEEDED');
    if (fault?.kind === 'http5xx') return new RealtimeError('INTERNAL_SERVER_ERROR');
    if (!operations.admit(clock.now())) return new RealtimeError('RATE_LIMIT_EXCEEDED');
    return undefined;
  }

  function publish(variables: PublishVariables, invocation: InvocationContext | undefined): Response {
    const { installationId, name, payload, context, isGlobal, token } = variables;
    if (installationId !== SANDBOX_INSTALLATION_ID) return graphqlError('The app is not installed on this installation.', 'NOT_FOUND', 404);
    if (typeof name !== 'string' || name.length === 0) return graphqlError('A channel name is required.', 'BAD_REQUEST', 400);
    if (typeof payload !== 'string') return graphqlError('The payload must be a string.', 'BAD_REQUEST', 400);
    if (Buffer.byteLength(payload) > maxPayloadBytes) {
      return graphqlError(`The payload is larger than the ${maxPayloadBytes / 1024}KB the sandbox accepts.`, 'PAYLOAD_TOO_LARGE', 413);
    }
    let claims: unknown;
    if (typeof token === 'string' && token.length > 0) {
      const check = tokens.verify(token, name, 'publish');
      if (!check.ok) return graphqlError(`Realtime token validation failed: ${check.problem}`, check.problem, 403);
      claims = check.payload.claims;
    }
    const overrides = contextOverridesOf(context);
    if (overrides === INVALID) return graphqlError('The channel context must be JSON.', 'BAD_REQUEST', 400);
    const key = channelKey({ name, isGlobal: isGlobal === true, context: invocation && contextOf(invocation), contextOverrides: overrides, claims });
    if (!key.ok) return graphqlError(key.message, 'BAD_REQUEST', 400);
    const event = { channel: name, eventId: randomUUID(), eventTimestamp: new Date(clock.now()).toISOString(), payload };
    hub.publish(key.key, event, clock.now());
    meter.record('realtime.publishes', 1, `${isGlobal === true ? 'global' : 'context'} ${channelFamily(name)}`);
    return publishedAnswer(event.eventId, event.eventTimestamp);
  }

  function sign({ channelName, claims, permissions }: SignVariables): Response {
    if (typeof channelName !== 'string' || channelName.length === 0) return graphqlError('A channel name is required.', 'BAD_REQUEST', 400);
    if (claims === undefined || claims === null) return graphqlError('Claims are required.', 'BAD_REQUEST', 400);
    const valid = permissions === undefined || (Array.isArray(permissions) && permissions.length > 0 && permissions.every((p) => p === 'subscribe' || p === 'publish'));
    if (!valid) return graphqlError("Permissions must be a non-empty list of 'subscribe' and 'publish'.", 'BAD_REQUEST', 400);
    const { jwt, expiresAt } = tokens.sign(channelName, claims, permissions as TokenPermission[] | undefined);
    return signedAnswer(jwt, expiresAt);
  }

  async function handle(request: ServiceRequest): Promise<Response> {
    const operation = parseOperation(request.body);
    if (operation.kind === 'invalid') return platformResponse(400, { errors: [{ message: operation.message }] });
    const target = operation.kind === 'publish' ? operation.variables.name : operation.variables.channelName;
    const refused = gate(`${operation.kind} ${String(target)}`);
    if (refused) return platformResponse(refused.status, { errors: [{ message: refused.code }] });
    return operation.kind === 'publish' ? publish(operation.variables, request.invocation) : sign(operation.variables);
  }

  function subscribe(request: SubscribeRequest, listener: RealtimeListener): () => void {
    const refused = gate(`subscribe ${request.channel}`);
    if (refused) throw refused;
    if (!request.channel) throw new RealtimeError('BAD_REQUEST', 'A channel name is required.');
    let claims: unknown;
    if (request.token) {
      const check = tokens.verify(request.token, request.channel, 'subscribe');
      if (!check.ok) throw new RealtimeError(check.problem, `Realtime token validation failed: ${check.problem}`);
      claims = check.payload.claims;
    }
    const isGlobal = request.isGlobal === true;
    if (!isGlobal && !request.context) throw new RealtimeError('INVALID_CONTEXT', 'A subscription that is not global needs the page context.');
    const key = channelKey({ name: request.channel, isGlobal, context: request.context, contextOverrides: request.contextOverrides, claims });
    if (!key.ok) throw new RealtimeError('INVALID_CONTEXT', key.message);
    meter.record('realtime.subscriptions', 1, isGlobal ? 'global' : 'context');
    const replayFrom = request.replaySeconds ? clock.now() - request.replaySeconds * 1000 : undefined;
    const view: SubscriptionView = { channel: request.channel, isGlobal, withToken: claims !== undefined, ...(request.accountId ? { accountId: request.accountId } : {}) };
    return hub.add(key.key, view, listener, replayFrom);
  }

  return {
    register: (seam) => seam.register('realtime', handle),
    handle,
    subscribe,
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
