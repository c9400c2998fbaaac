import { randomUUID } from 'node:crypto';
import type { AppManifest } from './app-manifest';
import type { SandboxClock } from './clock';
import type { ForgeIdentity } from './forge-identity';
import type { ForgeLicense } from './forge-license';
import { SANDBOX_CLOUD_ID, SANDBOX_INSTALLATION_ID } from './forge-seam';
import { runInInvocation } from './invocation-context';
import type { Metric, UsageMeter } from './usage-meter';
import { requestsMs, type InvocationDurations } from './invocation-durations';

/**
 * Runs the app's exported handlers the way the Forge platform invokes them: the same
 * arguments per module kind, one AsyncLocalStorage scope per invocation, the platform's
 * time limits, and a usage-meter entry per invocation.
 */
type Handler = (payload: unknown, context: unknown) => unknown;

export interface AppHostOptions {
  manifest: AppManifest;
  /** The app's entry module (src/index.ts), already loaded. */
  exports: Record<string, unknown>;
  clock: SandboxClock;
  meter: UsageMeter;
  /** Each invocation's modelled duration (invocation-durations.ts). */
  durations?: InvocationDurations;
  /** The app's own Atlassian account on the site, for triggers' `ignoreSelf`. */
  appAccountId?: string;
  /** `undefined` = no license applies (development installs), which the app must treat as active (R31). */
  license?: () => ForgeLicense | undefined;
  /** Who a UI module's caller is to Forge: account id and type (`undefined`: nobody signed in). */
  identify: (accountId: string | undefined) => ForgeIdentity;
}

/** The UI extension context a module gets (project, issue, portal), as @forge/bridge's view.getContext() shows it. */
export interface ExtensionContext {
  type: string;
  project?: { id: string; key: string; type: string };
  issue?: { id: string; key: string; type?: string };
  portal?: { id: number };
  [key: string]: unknown;
}

export class InvocationTimeoutError extends Error {
  constructor(functionKey: string, limitMs: number) {
    super(`Function '${functionKey}' timed out after ${limitMs / 1000} seconds`);
    this.name = 'InvocationTimeoutError';
  }
}

// Forge's limits: 25 s for UI resolvers, actions and triggers; 55 s by default for queue consumers.
export const LIMIT_MS = { resolver: 25_000, action: 25_000, consumer: 55_000, scheduledTrigger: 25_000, productTrigger: 25_000 } as const;
type Kind = keyof typeof LIMIT_MS;

export class AppHost {
  constructor(private readonly options: AppHostOptions) {}

  /**
   * A resolver call from a UI module, as @forge/bridge's invoke(name, payload) makes it, by
   * `accountId` (undefined: an anonymous visitor). Forge's context names every caller: an
   * anonymous one as `accountId: 'unidentified'` with `accountType: 'anonymous'`, never by
   * leaving the id out (forge-identity.ts).
   */
  async invokeResolver(args: {
    moduleKey: string;
    operation: string;
    payload: unknown;
    accountId?: string;
    extension: ExtensionContext;
  }): Promise<unknown> {
    const module = this.options.manifest.uiModules.get(args.moduleKey);
    if (!module) throw new Error(`manifest.yml has no UI module '${args.moduleKey}' with a resolver`);
    refuseOversized('request', args.payload);
    const { accountId, accountType } = this.options.identify(args.accountId);
    const call = {
      call: { functionKey: args.operation, payload: args.payload, jobId: undefined },
      context: {
        cloudId: SANDBOX_CLOUD_ID,
        localId: `${args.moduleKey}-local`,
        moduleKey: args.moduleKey,
        siteUrl: 'http://localhost',
        environmentType: 'DEVELOPMENT',
        extension: args.extension,
        accountId,
        accountType
      }
    };
    const answer = await this.run('resolver', module.functionKey, args.moduleKey, accountId, call, args.operation, args.extension);
    refuseOversized('response', answer);
    return answer;
  }

  /** A Rovo action: the inputs, with the invocation context Rovo adds beside them. */
  async invokeAction(args: { actionKey: string; payload: Record<string, unknown>; accountId?: string }): Promise<unknown> {
    const functionKey = this.options.manifest.actions.get(args.actionKey);
    if (!functionKey) throw new Error(`manifest.yml has no action '${args.actionKey}'`);
    const payload = { ...args.payload, context: { cloudId: SANDBOX_CLOUD_ID, moduleKey: args.actionKey } };
    return this.run('action', functionKey, args.actionKey, args.accountId, payload, args.actionKey);
  }

  /** A queue delivery to the consumer of `queueKey`; returns what the consumer returned (e.g. an InvocationError). */
  async deliverToConsumer(queueKey: string, event: unknown): Promise<unknown> {
    const functionKey = this.options.manifest.consumers.get(queueKey);
    if (!functionKey) throw new Error(`manifest.yml has no consumer for queue '${queueKey}'`);
    return this.run('consumer', functionKey, `${queueKey}-consumer`, undefined, event, queueKey);
  }

  /**
   * A product event (e.g. avi:jira:updated:issue) to every trigger subscribed to it. A trigger
   * with `filter.ignoreSelf` does not hear events whose actor (`atlassianId`) is the app itself.
   */
  async fireProductEvent(eventType: string, event: Record<string, unknown>): Promise<void> {
    for (const trigger of this.options.manifest.productTriggers.get(eventType) ?? []) {
      if (trigger.ignoreSelf && this.options.appAccountId !== undefined && event.atlassianId === this.options.appAccountId) continue;
      await this.run('productTrigger', trigger.functionKey, trigger.functionKey, undefined, { ...event, eventType }, eventType);
    }
  }

  /** Starts every scheduled trigger on the sandbox clock at its manifest interval. */
  startSchedules(): void {
    for (const trigger of this.options.manifest.scheduledTriggers) {
      const tick = () => {
        this.options.clock.schedule(this.options.clock.now() + trigger.intervalMs, tick, `scheduled ${trigger.key}`);
        return this.run(
          'scheduledTrigger',
          trigger.functionKey,
          trigger.key,
          undefined,
          { context: { cloudId: SANDBOX_CLOUD_ID, moduleKey: trigger.key }, userAccess: { enabled: false } },
          trigger.key
        ).catch(() => undefined);
      };
      this.options.clock.schedule(this.options.clock.now() + trigger.intervalMs, tick, `scheduled ${trigger.key}`);
    }
  }

  private async run(
    kind: Kind,
    functionKey: string,
    moduleKey: string,
    accountId: string | undefined,
    payload: unknown,
    detail: string,
    extension?: ExtensionContext
  ): Promise<unknown> {
    const exportName = this.options.manifest.handlers.get(functionKey);
    const handler = exportName ? (this.options.exports[exportName] as Handler | undefined) : undefined;
    if (typeof handler !== 'function') throw new Error(`function '${functionKey}' has no exported handler '${exportName}'`);
    const { clock, meter } = this.options;
    const license = this.options.license?.();
    const context = {
      installContext: `ari:cloud:jira::site/${SANDBOX_CLOUD_ID}`,
      principal: accountId ? { accountId } : undefined,
      license,
      installation: {
        ari: { installationId: SANDBOX_INSTALLATION_ID, toString: () => `ari:cloud:ecosystem::installation/${SANDBOX_INSTALLATION_ID}` },
        contexts: []
      }
    };
    const meterScope = `${kind} ${detail}`;
    meter.record(`invocations.${kind}` as Metric, 1, detail, meterScope);
    const started = performance.now();
    const limit = LIMIT_MS[kind];
    const platformRequests: Record<string, number> = {};
    const invocation = runInInvocation(
      {
        invocationId: randomUUID(),
        functionKey,
        moduleKey,
        accountId,
        startedAt: clock.now(),
        timeoutMs: limit,
        license,
        extension,
        meterScope,
        onLog: () => meter.record('logs.lines', 1, kind),
        platformRequests
      },
      async () => handler(payload, context)
    );
    let timer: NodeJS.Timeout | undefined;
    // Wall-clock limit: the sandbox cannot stop a running handler the way Forge ends its
    // sandbox, but the caller sees the same timeout error at the same moment.
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new InvocationTimeoutError(functionKey, limit)), limit);
    });
    try {
      return await clock.track(Promise.race([invocation, timeout]));
    } finally {
      clearTimeout(timer);
      const computeMs = performance.now() - started;
      meter.record('compute.ms', computeMs, kind, meterScope);
      const requests = requestsMs(platformRequests);
      this.options.durations?.record({ scope: meterScope, kind, modelledMs: computeMs + requests, requestsMs: requests });
    }
  }
}

/**
 * A resolver call travels through Forge's GraphQL gateway, which takes at most 5,242,880 bytes
 * a request (Forge's product manager on the developer community, "Improving support for
 * long-running tasks in Forge": "the GraphQL 5242880 byte size limit"); the stricter reading
 * applies it to the answer too. A bigger payload never reaches the function.
 */
export const INVOKE_PAYLOAD_MAX_BYTES = 5 * 1024 * 1024;

function refuseOversized(what: 'request' | 'response', value: unknown): void {
  const bytes = Buffer.byteLength(JSON.stringify(value ?? null));
  if (bytes > INVOKE_PAYLOAD_MAX_BYTES) {
    throw new Error(`The ${what} payload is ${bytes} bytes; Forge takes at most ${INVOKE_PAYLOAD_MAX_BYTES} bytes an invocation.`);
  }
}
