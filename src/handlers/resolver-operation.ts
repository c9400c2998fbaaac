import type { z } from 'zod';
import { composeApp, type ComposedApp, type ResolverCall } from '../composition';
import { isRetryable } from '../app/ports/jira-error';
import { isStorageBusy } from '../app/ports/storage-busy';
import { AppError, toErrorResult } from '../app/app-error';
import { callerAccount } from './caller-account';

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
 * failure becomes `{ error: { code, message } }` in toErrorResult.
 */
export function resolverOperation<S extends z.ZodType>(schema: S, run: (input: z.infer<S>, caller: Caller, deps: ComposedApp) => Promise<unknown>) {
  return async (call: ResolverCall): Promise<unknown> => {
    try {
      const parsed = schema.safeParse(call.payload ?? {});
      if (!parsed.success) throw invalidPayload(parsed.error);
      const caller: Caller = {
        accountId: callerAccount(call.context.accountId, call.context.accountType),
        // R31: Forge's license carries `active` (the October 2026 changelog removed `isActive`).
        licenseActive: call.context.license?.active ?? undefined,
        extension: call.context.extension ?? {},
      };
      return await run(parsed.data, caller, composeApp());
    } catch (error) {
      // Jira busy (429/5xx) while checking the caller or looking something up: try again soon.
      if (isRetryable(error)) return toErrorResult(new AppError('unavailable', 'Jira is busy right now. Try again in a few seconds.'));
      if (isStorageBusy(error)) return toErrorResult(new AppError('unavailable', 'Live chat storage is busy. Please try again in a moment.'));
      if (!(error instanceof AppError)) console.error(JSON.stringify({ event: 'resolver-failed', error: String(error) }));
      return toErrorResult(error);
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
