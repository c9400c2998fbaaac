import type { Result } from '../../domain';
import { AppError } from '../app-error';

/** A domain refusal as the AppError handlers map, keeping every invalid field and its message (settings table). */
export function orRefuse<T>(result: Result<T>): T {
  if (result.ok) return result.value;
  const fields = result.error.fields ? Object.fromEntries(result.error.fields.map((f) => [f.field, f.message])) : undefined;
  throw new AppError(result.error.code, result.error.message, fields);
}
