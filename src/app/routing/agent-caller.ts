import { AppError } from '../app-error';
import type { AppDeps } from '../app-deps';

/**
 * R28: the inbox's operations are for agents of at least one service space, asked of Jira as the
 * caller in their own invocation (a Forge app may not ask about anyone else). Every heartbeat
 * passes here, so an agent with a fresh heartbeat (R2) is one whose own answer said yes within
 * the last 5 minutes: that is how routing, in invocations with no user (timers, the sweep),
 * knows an Available agent still holds the agent permission.
 */
export async function requireAgent(deps: Pick<AppDeps, 'callers'>, accountId: string | undefined): Promise<string> {
  if (!accountId || !(await deps.callers.isAgentAnywhere(accountId))) {
    throw new AppError('forbidden', 'The live chat inbox is for agents of a service space.');
  }
  return accountId;
}
