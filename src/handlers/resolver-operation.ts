import type { z } from 'zod';
import { composeApp, type ComposedApp, type ResolverCall } from '../composition';
import { AppError } from '../app/app-error';
import { callerAccount } from './caller-account';
import { failureAnswer } from './failure-answer';

/** Who calls, as the platform says (never the payload). */
export interface Caller {
  /** A real account (licensed, unlicensed or a JSM customer); undefined for an anonymous visitor (Forge's 'unidentified'). */
  readonly accountId: string | undefined;
  /** R31: false when the platform reports the license inactive; undefined when none applies. */
  readonly licenseActive: boolean | undefined;
  /** The page's context: its project, its work item (the issue panel). */
  readonly extension: Record<string, unknown>;
}

/**
 * One resolver operation: the payload is parsed with its schema (bad input: `invalid`,
 * naming the field, before anything is read or written), then one use case runs, and every
 * failure becomes `{ error: { code, message } }` in failureAnswer.
 */
export function resolverOperation<S extends z.ZodType>(
  schema: S,
  run: (input: z.infer<S>, caller: Caller, deps: ComposedApp) => Promise<unknown>
) {
  return async (call: ResolverCall): Promise<unknown> => {
    try {
      const parsed = schema.safeParse(call.payload ?? {});
      if (!parsed.success) throw invalidPayload(parsed.error);
      const caller: Caller = {
        accountId: callerAccount(call.context.accountId, call.context.accountType),
        // R31: Forge's license carries `active` (the October 2026 changelog removed `isActive`).
        licenseActive: call.context.license?.active ?? undefined,
        extension: call.context.extension ?? {}
      };
      return await run(parsed.data, caller, composeApp());
    } catch (error) {
      return failureAnswer(error, 'resolver-failed');
    }
  };
}

function invalidPayload(error: z.ZodError): AppError {
  const fields: Record<string, string> = {};
  for (const issue of error.issues) {
    const field = issue.path.map(String).join('.') || 'payload';
    fields[field] ??= issue.message;
  }
  const [first] = Object.entries(fields);
  return new AppError('invalid', first ? `${first[0]}: ${first[1]}` : 'The request is not valid.', fields);
}
