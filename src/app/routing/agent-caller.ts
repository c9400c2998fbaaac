import { AppError } from '../../handlers/app-error';
import type { RoutingDeps } from './routing-deps';

/** R28: the inbox's operations are for agents of at least one service space. */
export async function requireAgent(deps: Pick<RoutingDeps, 'callers'>, accountId: string | undefined): Promise<string> {
  if (!accountId || !(await deps.callers.isAgentAnywhere(accountId))) {
    throw new AppError('forbidden', 'The live chat inbox is for agents of a service space.');
  }
  return accountId;
}
