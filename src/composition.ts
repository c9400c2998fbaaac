import { createWorkItems } from './app/work-items/work-items';
import { routingPlatform } from './platform/routing';
import { spacesPlatform } from './platform/spaces';

/**
 * The composition root, the one module that knows both the use cases (src/app) and the platform
 * that implements their ports (src/platform): every handler's `deps`, built once per invocation.
 */
export function composeApp() {
  const parts = { ...spacesPlatform(), ...routingPlatform() };
  // The work items' later steps read the chat they close out (its transcript): built over both parts.
  return { ...parts, workItems: createWorkItems(parts) };
}

export type ComposedApp = ReturnType<typeof composeApp>;
