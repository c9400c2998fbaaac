import { currentInvocation } from './invocation-context';

/**
 * Forge bills the lines a function logs. The console is patched once per process so that a
 * line written inside an invocation is counted by that invocation's meter (`onLog`); lines
 * written elsewhere (tests, the server) pass through uncounted. A test that mocks the console
 * replaces the patch for its duration, and its lines are then not counted.
 */
const METHODS = ['log', 'info', 'warn', 'error', 'debug'] as const;
const PATCHED = Symbol.for('live-chat-sandbox.log-meter');

export function installLogMeter(target: Console = console): void {
  const marked = target as Console & { [PATCHED]?: true };
  if (marked[PATCHED]) return;
  marked[PATCHED] = true;
  for (const method of METHODS) {
    const original = target[method].bind(target);
    target[method] = (...args: unknown[]) => {
      currentInvocation()?.onLog?.();
      original(...args);
    };
  }
}
