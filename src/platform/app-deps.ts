import { routingPlatform } from './routing';
import { spacesPlatform } from './spaces';

/** The composition root: every use case's `deps`, built once per invocation. */
export function appDeps() {
  return { ...spacesPlatform(), ...routingPlatform() };
}

export type AppDeps = ReturnType<typeof appDeps>;
