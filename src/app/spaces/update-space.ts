import { AppError } from '../app-error';
import { loadSpace, type LoadSpaceDeps } from './load-space';
import type { SpaceStore, StoredSpace } from '../ports/space-store';

export interface UpdateSpaceDeps extends LoadSpaceDeps {
  readonly spaceStore: Pick<SpaceStore, 'get' | 'save'>;
}

/** Attempts at a save when another admin's save lands in between (each reads the fresh record). */
const ATTEMPTS = 3;

/**
 * Every change to a space's record: read it, change it, write it on condition that nobody
 * wrote in between; on a conflict, start over from the fresh record. `change` may refuse by
 * throwing (nothing is written then) and runs again on a retry.
 */
export async function updateSpace(
  deps: UpdateSpaceDeps,
  projectKey: string,
  change: (space: StoredSpace) => Promise<StoredSpace>
): Promise<StoredSpace> {
  for (let attempt = 0; attempt < ATTEMPTS; attempt += 1) {
    const space = await loadSpace(deps, projectKey);
    if (!space) throw new AppError('not_found', `There is no service space with the key ${projectKey}.`);
    const next = await change(space);
    if ((await deps.spaceStore.save(next)) === 'saved') return { ...next, version: next.version + 1 };
  }
  throw new AppError('conflict', 'Someone else changed these settings at the same time. Reload the page and try again.');
}
