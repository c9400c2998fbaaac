/**
 * Errors with a stable code, mapped to `{ error: { code, message } }` in one place
 * (toErrorResult). Unknown errors become a generic answer that leaks nothing.
 */
export type ErrorCode = 'forbidden' | 'invalid' | 'not_found' | 'conflict' | 'too_large' | 'rate_limited' | 'unavailable' | 'internal';

export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: Record<string, string>
  ) {
    super(message);
    this.name = 'AppError';
  }
}

export interface ErrorResult {
  error: { code: ErrorCode; message: string; fields?: Record<string, string> };
}

export function toErrorResult(error: unknown): ErrorResult {
  if (error instanceof AppError) {
    return { error: { code: error.code, message: error.message, ...(error.details ? { fields: error.details } : {}) } };
  }
  return { error: { code: 'internal', message: 'Something went wrong. Try again.' } };
}
