/**
 * What a resolver operation answered, as the pages use it: a value, or a failure with the
 * stable code of PRODUCT.md and, for `invalid`, the message of each offending field.
 * An invocation that throws (no such operation yet, network, platform) is a failure too, so a
 * page never has to catch.
 */
export interface Failure {
  readonly code: string;
  readonly message: string;
  /** Field name → message, for `invalid` answers that name their fields. */
  readonly fields: Readonly<Record<string, string>>;
}

export type Outcome<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: Failure };

/** `invoke` of @forge/bridge, narrowed to what the pages need (a seam for tests). */
export type Invoke = (operation: string, payload: Record<string, unknown>) => Promise<unknown>;

export async function callOperation<T>(invoke: Invoke, operation: string, payload: Record<string, unknown> = {}): Promise<Outcome<T>> {
  try {
    return toOutcome<T>(await invoke(operation, payload));
  } catch {
    // The bridge's own errors (no such operation, network) are not for the reader.
    return { ok: false, error: { code: 'unavailable', message: 'The app could not be reached. Try again.', fields: {} } };
  }
}

/** `{ error: { code, message, fields? } }` is a failure; anything else is the value. */
export function toOutcome<T>(result: unknown): Outcome<T> {
  if (isRecord(result) && isRecord(result.error)) {
    const { code, message, fields } = result.error;
    return {
      ok: false,
      error: {
        code: typeof code === 'string' ? code : 'internal',
        message: typeof message === 'string' && message !== '' ? message : 'Something went wrong. Try again.',
        fields: fieldMessages(fields)
      }
    };
  }
  return { ok: true, value: result as T };
}

/**
 * The backend's field errors arrive as `{ field: message }` (AppError details); the domain's
 * own shape is `[{ field, message }]`. Both are accepted so the pages do not depend on which
 * layer mapped them.
 */
export function fieldMessages(fields: unknown): Record<string, string> {
  if (Array.isArray(fields)) {
    const entries = fields.filter(isRecord).filter((f) => typeof f.field === 'string' && typeof f.message === 'string');
    return Object.fromEntries(entries.map((f) => [f.field as string, f.message as string]));
  }
  if (isRecord(fields)) {
    return Object.fromEntries(Object.entries(fields).filter((entry): entry is [string, string] => typeof entry[1] === 'string'));
  }
  return {};
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
