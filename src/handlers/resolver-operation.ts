import type { z } from 'zod';
import { composeApp, type ComposedApp, type ResolverCall } from '../composition';
import { AppError } from '../app/app-error';
import { OPERATION_CONTRACT, OPERATION_NAMES, type OperationName, type OperationResult, type ParsedInput } from '../contract/operations';
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

/** An operation's handler: the parsed payload and the caller in, the contract's result out. */
export type OperationHandler<N extends OperationName> = (
  input: ParsedInput<N>,
  caller: Caller,
  deps: ComposedApp
) => Promise<OperationResult<N>>;

/** A handler for each operation of the contract (src/contract/operations.ts). */
export type OperationHandlers = { readonly [N in OperationName]: OperationHandler<N> };

/** Every operation as the platform calls it, from its handler and its contract's schema. */
export function resolverOperations(handlers: OperationHandlers): Record<OperationName, (call: ResolverCall) => Promise<unknown>> {
  const operation = <N extends OperationName>(name: N) => [name, resolverOperation(name, handlers[name])] as const;
  return Object.fromEntries(OPERATION_NAMES.map(operation)) as Record<OperationName, (call: ResolverCall) => Promise<unknown>>;
}

/**
 * One resolver operation: the payload is parsed with the contract's schema (bad input:
 * `invalid`, naming the field, before anything is read or written), then its handler runs one
 * use case, and every failure becomes `{ error: { code, message } }` in failureAnswer.
 */
function resolverOperation<N extends OperationName>(name: N, run: OperationHandler<N>) {
  const schema: z.ZodType = OPERATION_CONTRACT[name].input;
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
      // ParsedInput<N> is this schema's output by definition; TypeScript cannot follow a generic N into the table.
      return await run(parsed.data as ParsedInput<N>, caller, composeApp());
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
