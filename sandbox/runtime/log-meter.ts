import { currentInvocation } from './invocation-context';

/**
 * Forge bills the lines a function logs. The console's methods are wrapped so that a line
 * written inside an invocation is counted by that invocation's meter (`onLog`); lines written
 * elsewhere (tests, the server) pass through uncounted. Installing again wraps only what is not
 * wrapped already (a test may have replaced a method meanwhile).
 */
const METHODS = ['log', 'info', 'warn', 'error', 'debug'] as const;
const COUNTING = Symbol.for('live-chat-sandbox.log-meter');

type Method = ((...args: unknown[]) => void) & { [COUNTING]?: true };

export function installLogMeter(target: Console = console): void {
  for (const name of METHODS) {
    const current = target[name] as Method;
    if (current[COUNTING]) continue;
    const counting: Method = (...args: unknown[]) => {
      currentInvocation()?.onLog?.();
      current.apply(target, args);
    };
    counting[COUNTING] = true;
    target[name] = counting;
  }
}
