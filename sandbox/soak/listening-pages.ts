import type { ChatWorld } from '../../src/app/routing/testing/chat-world';

/**
 * The soak's open pages, listening as static/shared/src/live-updates.ts does: each agent's inbox
 * on their channel and each open chat's widget on the customer's, with the subscribe-only token
 * their read returned; a page reads again (agent.me, chat.get) when its token has less than a
 * quarter hour left and moves to the new token. A subscribe the platform refuses for its rate
 * limit or an injected fault is tried again next round (the page polls meanwhile); one refused
 * for want of a right token is what the meter's `realtime.refused` counts, and must not happen.
 */
const RENEW_BEFORE_MS = 15 * 60_000;

interface Listening {
  token: string;
  expiresAt: number;
  stop: () => void;
}

export class ListeningPages {
  /** Pushes the pages received. */
  received = 0;
  private pages = new Map<string, Listening>();

  constructor(private readonly world: ChatWorld) {}

  /** Keeps `key`'s page on `realtime` (a read's answer); nothing when the read gave no token. */
  follow(key: string, realtime: { channel: string; token?: string } | undefined): void {
    const current = this.pages.get(key);
    if (!realtime?.token || current?.token === realtime.token) return;
    current?.stop();
    this.pages.delete(key);
    try {
      const stop = this.world.sandbox.realtime.subscribe(
        { channel: realtime.channel, token: realtime.token, isGlobal: true },
        () => (this.received += 1)
      );
      this.pages.set(key, { token: realtime.token, expiresAt: expiry(realtime.token), stop });
    } catch {
      // Refused (rate limit, fault, or a wrong token: the meter counts that one); the page polls and tries next time.
    }
  }

  /** Pages whose token runs out soon, or that are not listening yet. */
  due(keys: Iterable<string>): string[] {
    const now = this.world.sandbox.clock.now();
    return [...keys].filter((key) => {
      const page = this.pages.get(key);
      return !page || page.expiresAt - now < RENEW_BEFORE_MS;
    });
  }

  close(key: string): void {
    this.pages.get(key)?.stop();
    this.pages.delete(key);
  }

  keys(): string[] {
    return [...this.pages.keys()];
  }
}

function expiry(token: string): number {
  try {
    return (JSON.parse(Buffer.from(token.split('.')[1] ?? '', 'base64url').toString()) as { exp: number }).exp * 1000;
  } catch {
    return 0;
  }
}
