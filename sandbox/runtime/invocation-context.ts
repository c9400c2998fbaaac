import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';
import type { ForgeLicense } from './forge-license';

/**
 * What the platform knows about one running invocation. Each invocation runs inside its own
 * AsyncLocalStorage scope, so concurrent invocations never see each other's caller or module.
 */
export interface InvocationContext {
  invocationId: string;
  /** The manifest function key being run (e.g. `resolver`, `sweep`). */
  functionKey: string;
  /** The manifest module that caused the invocation (e.g. `live-chat-inbox`). */
  moduleKey: string;
  /** The principal: the user the invocation runs for (`'unidentified'` for an anonymous visitor), or undefined (app-only work). */
  accountId?: string;
  startedAt: number;
  /** Compute budget: 25 s for resolvers and triggers, 55 s (up to 900 s) for consumers on Forge. */
  timeoutMs: number;
  license: ForgeLicense | undefined;
  /** The UI extension context (project, issue, portal) of a resolver call; realtime scopes channels by it. */
  extension?: Record<string, unknown>;
  /** What the usage meter attributes this invocation's costs to, e.g. `resolver chat.start`. */
  meterScope?: string;
  /** Counts one line the app wrote to the console (Forge bills log lines); see log-meter.ts. */
  onLog?: () => void;
  /** Platform requests this invocation made, by service (`kvs`, `fpp:jira`, …): its modelled duration (invocation-durations.ts). */
  platformRequests?: Record<string, number>;
}

const storage = new AsyncLocalStorage<InvocationContext>();

export function currentInvocation(): InvocationContext | undefined {
  return storage.getStore();
}

export function runInInvocation<T>(
  context: Omit<InvocationContext, 'invocationId'> & { invocationId?: string },
  fn: () => Promise<T>
): Promise<T> {
  const full: InvocationContext = { ...context, invocationId: context.invocationId ?? randomUUID() };
  return storage.run(full, fn);
}
