/**
 * Fault injection: tests and the soak name which platform calls fail and how. Each service
 * asks `take()` before doing the real work and, when a fault comes back, answers as the
 * platform would on that failure.
 */
export type FaultTarget = 'jira' | 'kvs' | 'queue' | 'consumer' | 'realtime' | 'llm';

export type FaultKind =
  | 'http5xx' // jira, kvs, realtime, llm: a 500/503 answer
  | 'http429' // jira, kvs, realtime, llm: rate limited, with Retry-After
  | 'conflict' // kvs: a transaction fails on a concurrent change
  | 'duplicate' // queue: the event is delivered twice
  | 'drop' // queue: the event is never delivered (a lost delivery)
  | 'die'; // consumer: the invocation dies midway (after the handler ran, before it was acknowledged)

export interface FaultRule {
  target: FaultTarget;
  kind: FaultKind;
  /** Matches the call's description (method and path, KVS operation, queue key) when given. */
  match?: string | RegExp;
  /** Fails this many matching calls, then stops. */
  times?: number;
  /** Fails each matching call with this probability (seeded, so runs repeat). */
  probability?: number;
}

export interface InjectedFault {
  kind: FaultKind;
  rule: FaultRule;
}

export class FaultInjector {
  private rules: Array<FaultRule & { remaining: number }> = [];
  private seed: number;
  private injected = 0;
  private byKind = new Map<string, number>();

  constructor(seed = 1) {
    this.seed = seed >>> 0 || 1;
  }

  set(rules: FaultRule[], seed?: number): void {
    if (seed !== undefined) this.seed = seed >>> 0 || 1;
    this.rules = rules.map((rule) => ({ ...rule, remaining: rule.times ?? Number.POSITIVE_INFINITY }));
  }

  clear(): void {
    this.rules = [];
  }

  count(): number {
    return this.injected;
  }

  /** Injected faults by `target kind` (e.g. `jira http5xx`), for the soak's report. */
  counts(): Record<string, number> {
    return Object.fromEntries(this.byKind);
  }

  take(target: FaultTarget, description: string): InjectedFault | null {
    for (const rule of this.rules) {
      if (rule.target !== target || rule.remaining <= 0) continue;
      if (rule.match !== undefined && !matches(rule.match, description)) continue;
      if (rule.probability !== undefined && this.random() >= rule.probability) continue;
      rule.remaining -= 1;
      this.injected += 1;
      this.byKind.set(`${target} ${rule.kind}`, (this.byKind.get(`${target} ${rule.kind}`) ?? 0) + 1);
      return { kind: rule.kind, rule };
    }
    return null;
  }

  // xorshift32: deterministic, so a failing soak can be replayed with its seed.
  private random(): number {
    let x = this.seed;
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    this.seed = x >>> 0;
    return this.seed / 0x100000000;
  }
}

function matches(pattern: string | RegExp, description: string): boolean {
  return typeof pattern === 'string' ? description.includes(pattern) : pattern.test(description);
}
