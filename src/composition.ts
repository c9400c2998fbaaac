import { createSpaceDirectory } from './app/spaces/space-directory';
import { createWorkItems } from './app/work-items/work-items';
import { agentToolsPlatform } from './platform/agent-tools';
import { routingPlatform } from './platform/routing';
import { spacesPlatform } from './platform/spaces';

/**
 * The composition root, the one module that knows both the use cases (src/app) and the platform
 * that implements their ports (src/platform): every handler's `deps`, built once per invocation.
 */
export function composeApp() {
  const platform = { ...spacesPlatform(), ...routingPlatform(), ...agentToolsPlatform() };
  // Routing reads spaces through the SpaceDirectory port, a use case over the space and site stores.
  const parts = { ...platform, spaces: createSpaceDirectory(platform) };
  // The work items' later steps read the chat they close out (its transcript): built over both parts.
  return { ...parts, workItems: createWorkItems(parts) };
}

export type ComposedApp = ReturnType<typeof composeApp>;

// The Forge entry points the handlers are mounted on (a resolver's definitions, a consumer's
// redelivery): platform code that handlers reach only through here.
export { resolverFunction, type ResolverCall } from './platform/resolver-function';
export { retryLater, type RetryLater } from './platform/retry-later';
