import { resolverFunction, type ResolverCall } from '../composition';
import type { OperationName } from './operations';
import { agentOperations } from './agent-operations';
import { chatOperations } from './chat-operations';
import { conversationOperations } from './conversation-operations';
import { assistantOperations } from './assistant-operations';
import { agentToolsOperations } from './agent-tools-operations';
import { siteOperations } from './site-operations';
import { spaceOperations } from './space-operations';

/** Every operation of PRODUCT.md's table has its handler: a missing one fails the type check. */
const operations = {
  ...chatOperations,
  ...agentOperations,
  ...conversationOperations,
  ...spaceOperations,
  ...siteOperations,
  ...assistantOperations,
  ...agentToolsOperations
} satisfies Record<OperationName, (call: ResolverCall) => Promise<unknown>>;

export const resolver = resolverFunction(operations);
