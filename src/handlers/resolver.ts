import { resolverFunction } from '../composition';
import { agentOperations } from './agent-operations';
import { chatOperations } from './chat-operations';
import { conversationOperations } from './conversation-operations';
import { assistantOperations } from './assistant-operations';
import { agentToolsOperations } from './agent-tools-operations';
import { reportOperations } from './report-operations';
import { liveViewOperations } from './live-view-operations';
import { resolverOperations, type OperationHandlers } from './resolver-operation';
import { siteOperations } from './site-operations';
import { spaceOperations } from './space-operations';

/** Every operation of the contract (src/contract/operations.ts) has its handler: a missing one fails the type check. */
const handlers: OperationHandlers = {
  ...chatOperations,
  ...agentOperations,
  ...conversationOperations,
  ...spaceOperations,
  ...siteOperations,
  ...reportOperations,
  ...assistantOperations,
  ...agentToolsOperations,
  ...liveViewOperations
};

export const resolver = resolverFunction(resolverOperations(handlers));
