import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { SandboxClock } from '../runtime/clock';

/**
 * Tokens from `signRealtimeToken`: a JWT whose payload carries what @forge/realtime decodes
 * on the client (`channel.name`, `exp` in seconds, `permissions`) plus the app's claims.
 * The sandbox signs with a secret of its own so a browser cannot forge one, and checks expiry
 * on the sandbox clock. Error codes are the SDK's own validation codes.
 */
export type TokenPermission = 'subscribe' | 'publish';
export type TokenProblem = 'INVALID_TOKEN' | 'TOKEN_EXPIRED' | 'TOKEN_REQUIRED' | 'CHANNEL_NAME_MISMATCH' | 'MISSING_PERMISSION';

export interface TokenPayload {
  channel: { name: string };
  claims: unknown;
  permissions?: TokenPermission[];
  iat: number;
  exp: number;
}

export type TokenCheck = { ok: true; payload: TokenPayload } | { ok: false; problem: TokenProblem };

/** Forge does not document the lifetime of a realtime token; the sandbox gives one hour. */
export const DEFAULT_TOKEN_TTL_SECONDS = 60 * 60;

/**
 * One signing key per process, as the platform has one: the app keeps signed tokens in its
 * module state (a warm function's memory), which outlives one sandbox in a test process, and a
 * token kept from an earlier sandbox must verify as it would on the same installation.
 */
const SIGNING_KEY = randomBytes(32);

export class RealtimeTokens {
  private readonly secret = SIGNING_KEY;

  constructor(
    private readonly clock: SandboxClock,
    private readonly ttlSeconds = DEFAULT_TOKEN_TTL_SECONDS
  ) {}

  sign(channelName: string, claims: unknown, permissions?: TokenPermission[]): { jwt: string; expiresAt: string } {
    const iat = Math.floor(this.clock.now() / 1000);
    const payload: TokenPayload = {
      channel: { name: channelName },
      claims,
      ...(permissions ? { permissions } : {}),
      iat,
      exp: iat + this.ttlSeconds
    };
    const unsigned = `${encode({ alg: 'HS256', typ: 'JWT' })}.${encode(payload)}`;
    return { jwt: `${unsigned}.${this.signature(unsigned)}`, expiresAt: new Date(payload.exp * 1000).toISOString() };
  }

  /** Checks in the SDK's order: well-formed and ours, unexpired, for this channel, allowing `use`. */
  verify(token: string, channelName: string, use: TokenPermission): TokenCheck {
    const payload = this.decode(token);
    if (!payload) return { ok: false, problem: 'INVALID_TOKEN' };
    if (this.clock.now() / 1000 >= payload.exp) return { ok: false, problem: 'TOKEN_EXPIRED' };
    if (payload.channel.name !== channelName) return { ok: false, problem: 'CHANNEL_NAME_MISMATCH' };
    if (payload.permissions && !payload.permissions.includes(use)) return { ok: false, problem: 'MISSING_PERMISSION' };
    return { ok: true, payload };
  }

  private decode(token: string): TokenPayload | undefined {
    const parts = token.split('.');
    if (parts.length !== 3) return undefined;
    const expected = Buffer.from(this.signature(`${parts[0]}.${parts[1]}`));
    const given = Buffer.from(parts[2]);
    if (expected.length !== given.length || !timingSafeEqual(expected, given)) return undefined;
    try {
      const payload = JSON.parse(Buffer.from(parts[1], 'base64url').toString('utf8')) as TokenPayload;
      return typeof payload?.channel?.name === 'string' && typeof payload.exp === 'number' ? payload : undefined;
    } catch {
      return undefined;
    }
  }

  private signature(unsigned: string): string {
    return createHmac('sha256', this.secret).update(unsigned).digest('base64url');
  }
}

function encode(value: unknown): string {
  return Buffer.from(JSON.stringify(value)).toString('base64url');
}
