/**
 * Why a subscription was refused. The bridge's `subscribe` rejects its promise on error
 * (unlike `publish`, which resolves with `errors`), so in-process subscribers get this thrown
 * and the SSE endpoint answers with `status` and `{ code, message }`.
 */
export type RealtimeErrorCode =
  | 'RATE_LIMIT_EXCEEDED'
  | 'INTERNAL_SERVER_ERROR'
  | 'INVALID_TOKEN'
  | 'TOKEN_EXPIRED'
  /** The sandbox's own code: a channel the app signs tokens for, used without one (the strict reading). */
  | 'TOKEN_REQUIRED'
  | 'CHANNEL_NAME_MISMATCH'
  | 'MISSING_PERMISSION'
  | 'INVALID_CONTEXT'
  | 'BAD_REQUEST';

const STATUS: Record<RealtimeErrorCode, number> = {
  RATE_LIMIT_EXCEEDED: 429,
  INTERNAL_SERVER_ERROR: 500,
  INVALID_TOKEN: 401,
  TOKEN_EXPIRED: 401,
  TOKEN_REQUIRED: 401,
  CHANNEL_NAME_MISMATCH: 403,
  MISSING_PERMISSION: 403,
  INVALID_CONTEXT: 400,
  BAD_REQUEST: 400
};

export class RealtimeError extends Error {
  readonly status: number;

  constructor(
    readonly code: RealtimeErrorCode,
    message: string = code
  ) {
    super(message);
    this.name = 'RealtimeError';
    this.status = STATUS[code];
  }
}
