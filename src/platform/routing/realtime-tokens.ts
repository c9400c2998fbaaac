import { getAppContext } from '@forge/api';
import { signRealtimeToken } from '@forge/realtime';

/**
 * The app's realtime tokens (`signRealtimeToken`): for each channel a publish token, which
 * only the app's functions hold, and a subscribe-only token, which the read operations give
 * the pages. A channel's two tokens are signed together and renewed together once a quarter
 * of their life is left, so whichever use comes first (a read, or a push) renews both, and a
 * page that reads again every 30 s always moves to a fresh token before its own expires.
 *
 * Signing is a realtime operation (the installation's 50 a second, like a publish): tokens
 * are kept in the function's memory, per installation, while they are fresh. A cold start
 * signs again; nothing here is stored.
 */
export type TokenUse = 'publish' | 'subscribe';

interface ChannelTokens {
  readonly publish: string;
  readonly subscribe: string;
  readonly signedAt: number;
  readonly expiresAt: number;
}

/** Who the tokens are for: the claims both tokens of a channel carry, so their holders meet on it. */
export type TokenAudience = 'customer' | 'agent' | 'waiting customers';

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
    const signing = signPair(channel, audience);
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

async function signPair(channel: string, audience: TokenAudience): Promise<ChannelTokens | null> {
  const signedAt = Date.now();
  const claims = { audience };
  try {
    const [publish, subscribe] = await Promise.all([
      signRealtimeToken(channel, claims, ['publish']),
      signRealtimeToken(channel, claims, ['subscribe'])
    ]);
    if (!publish.token || !subscribe.token) return null;
    const expiresAt = Math.min(Date.parse(String(publish.expiresAt)), Date.parse(String(subscribe.expiresAt)));
    return Number.isFinite(expiresAt) ? { publish: publish.token, subscribe: subscribe.token, signedAt, expiresAt } : null;
  } catch {
    return null;
  }
}

function installationId(): string {
  try {
    return getAppContext().installationAri.installationId;
  } catch {
    return '';
  }
}
