/**
 * A decision that can be refused. Refusals are data with a stable code (the
 * handlers map them to `{ error: { code, message } }`), never thrown.
 */
export type ErrorCode = 'conflict' | 'forbidden' | 'invalid' | 'not_found' | 'too_large' | 'unavailable';

/** One invalid setting: the field and a message naming it and its allowed range. */
export interface FieldError {
  readonly field: string;
  readonly message: string;
}

export interface DomainError {
  readonly code: ErrorCode;
  readonly message: string;
  /** Set for `invalid` settings: every offending field, so nothing is saved partially. */
  readonly fields?: readonly FieldError[];
}

export type Result<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: DomainError };

export function ok<T>(value: T): Result<T> {
  return { ok: true, value };
}

export function fail(code: ErrorCode, message: string, fields?: readonly FieldError[]): Result<never> {
  return { ok: false, error: fields ? { code, message, fields } : { code, message } };
}
