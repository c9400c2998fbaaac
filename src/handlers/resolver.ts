import { resolverFunction } from '../composition';
import { AppError, toErrorResult } from '../app/app-error';
import { OPERATIONS } from './operations';
import { agentOperations } from './agent-operations';
import { chatOperations } from './chat-operations';
import { conversationOperations } from './conversation-operations';
import { assistantOperations } from './assistant-operations';
import { siteOperations } from './site-operations';
import { spaceOperations } from './space-operations';

// Every operation answers now so the frontends can be wired; the use cases behind them land with the backend (issue 4).
const notYet = async () => toErrorResult(new AppError('unavailable', 'Live chat is not available yet.'));

export const resolver = resolverFunction({
  ...Object.fromEntries(OPERATIONS.map((name) => [name, notYet])),
  ...chatOperations,
  ...agentOperations,
  ...conversationOperations,
  ...spaceOperations,
  ...siteOperations,
  ...assistantOperations,
});
