import { resolverFunction } from '../platform/resolver-function';
import { AppError, toErrorResult } from './app-error';
import { OPERATIONS } from './operations';

// Every operation answers now so the frontends can be wired; the use cases behind them land with the backend (issue 4).
const notYet = async () => toErrorResult(new AppError('unavailable', 'Live chat is not available yet.'));

export const resolver = resolverFunction(Object.fromEntries(OPERATIONS.map((name) => [name, notYet])));
