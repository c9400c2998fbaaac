import { AsyncLocalStorage } from 'node:async_hooks';

/**
 * Forge's cyclic invocation limit: at most 1000 push requests across all handlers that
 * descend from one initial invocation ("a function that calls push 1000 times in a loop, or
 * a chain where each handler calls push once for 1000 hops"). A chain starts at the first
 * invocation that pushes; every delivery runs inside its chain's async context, so pushes
 * made by consumers, and by their consumers, count against the same origin.
 */
export const CYCLIC_INVOCATION_LIMIT = 1000;

export interface PushChain {
  readonly origin: string;
  pushes: number;
}

export class CyclicChains {
  private storage = new AsyncLocalStorage<PushChain>();
  private roots = new Map<string, PushChain>();

  /** The chain a push made now belongs to: the delivery's chain, or the pushing invocation's own. */
  current(invocationId: string): PushChain {
    const inherited = this.storage.getStore();
    if (inherited) return inherited;
    let root = this.roots.get(invocationId);
    if (!root) {
      root = { origin: invocationId, pushes: 0 };
      this.roots.set(invocationId, root);
    }
    return root;
  }

  /** Counts one push request; false once the chain has used up its limit. */
  admit(chain: PushChain): boolean {
    if (chain.pushes >= CYCLIC_INVOCATION_LIMIT) return false;
    chain.pushes += 1;
    return true;
  }

  /** Runs a delivery so that whatever it pushes counts against `chain`. */
  within<T>(chain: PushChain, fn: () => Promise<T>): Promise<T> {
    return this.storage.run(chain, fn);
  }
}
