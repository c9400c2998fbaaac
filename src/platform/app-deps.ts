import { createWorkItems } from '../app/work-items/work-items';
import { routingPlatform } from './routing';
import { spacesPlatform } from './spaces';

/** The composition root: every use case's `deps`, built once per invocation. */
export function appDeps() {
  const parts = { ...spacesPlatform(), ...routingPlatform() };
  // The work items' later steps read the chat they close out (its transcript): built over both parts.
  return { ...parts, workItems: createWorkItems(parts) };
}

export type AppDeps = ReturnType<typeof appDeps>;
