import { getAppContext } from '@forge/api';
import { signRealtimeToken } from '@forge/realtime';

/**
 * The app's realtime tokens (`signRealtimeToken`), kept in the function's memory per
 * installation while they are fresh and renewed once a quarter of their life is left, so a
 * page that reads again every 5 minutes always moves to a fresh token before its own expires.
 *
 * Signing is a realtime operation (the installation's 50 a second, like a publish), so a
 * channel only one party listens on has one token, for publish and subscribe, which the app
 * publishes with and the read operations give that party's pages: the customer's channel
 * (only their widget listens, R24) and an agent's (only their own inbox, R18). Holding publish
 * on it lets a page reach only itself. A channel many parties listen on keeps two tokens, a
 * publish one only the app holds and a subscribe-only one for the pages: the space's queue
 * signal, where one waiting customer must not make every other one read again (R11).
 * A cold start signs again; nothing here is stored.
 */
export type TokenUse = 'publish' | 'subscribe';

/** Who the tokens are for: the claims the channel's tokens carry, so their holders meet on it. */
export type TokenAudience = 'customer' | 'agent' | 'waiting customers';

/** The audiences whose channel has one listener (see above): one token serves the app and the page. */
const ONE_LISTENER: ReadonlySet<TokenAudience> = new Set(['customer', 'agent']);

interface ChannelTokens {
  readonly publish: string;
  readonly subscribe: string;
  readonly signedAt: number;
  readonly expiresAt: number;
}

interface Kept {
  readonly signing: Promise<ChannelTokens | null>;
  /** Once signed. */
  signed?: ChannelTokens;
}

const kept = new Map<string, Kept>();
/** Bounds the memory a long-warm function spends on ended chats' channels. */
const MAX_KEPT = 2_000;

/** The channel's token for `use`, or null when the platform would not sign now (the pages poll; the push is dropped). */
export async function realtimeToken(channel: string, audience: TokenAudience, use: TokenUse): Promise<string | null> {
  const key = `${installationId()}\n${channel}`;
  let entry = kept.get(key);
  // Decided before any await, so pushes running side by side share one signing.
  if (!entry || (entry.signed && !fresh(entry.signed))) {
    const signing = sign(channel, audience);
    const next: Kept = { signing };
    entry = next;
    kept.delete(key);
    if (kept.size >= MAX_KEPT) kept.delete(kept.keys().next().value as string);
    kept.set(key, next);
    void signing.then((tokens) => {
      if (tokens) next.signed = tokens;
      else if (kept.get(key) === next) kept.delete(key);
    });
  }
  return (await entry.signing)?.[use] ?? null;
}

function fresh(tokens: ChannelTokens): boolean {
  return tokens.expiresAt - Date.now() > (tokens.expiresAt - tokens.signedAt) / 4;
}

async function sign(channel: string, audience: TokenAudience): Promise<ChannelTokens | null> {
  const signedAt = Date.now();
  const claims = { audience };
  try {
    if (ONE_LISTENER.has(audience)) {
      const both = await signRealtimeToken(channel, claims, ['subscribe', 'publish']);
      return usable(both.token ? { publish: both.token, subscribe: both.token, signedAt, expiresAt: expiry(both) } : null);
    }
    const [publish, subscribe] = await Promise.all([
      signRealtimeToken(channel, claims, ['publish']),
      signRealtimeToken(channel, claims, ['subscribe'])
    ]);
    if (!publish.token || !subscribe.token) return null;
    return usable({
      publish: publish.token,
      subscribe: subscribe.token,
      signedAt,
      expiresAt: Math.min(expiry(publish), expiry(subscribe))
    });
  } catch {
    return null;
  }
}

function expiry(signed: { expiresAt: unknown }): number {
  return Date.parse(String(signed.expiresAt));
}

/** Tokens whose expiry the platform gave as a date; anything else is not kept. */
function usable(tokens: ChannelTokens | null): ChannelTokens | null {
  return tokens && Number.isFinite(tokens.expiresAt) ? tokens : null;
}

function installationId(): string {
  try {
    return getAppContext().installationAri.installationId;
  } catch {
    return '';
  }
}
