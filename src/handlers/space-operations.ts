import type { SpaceSettingsPatch } from '../domain';
import { deactivateSpace } from '../app/spaces/deactivate-space';
import { getSpaceSettings } from '../app/spaces/get-space-settings';
import { saveSpaceSettings } from '../app/spaces/save-space-settings';
import { setUpSpace } from '../app/spaces/set-up-space';
import { AppError } from '../app/app-error';
import type { ComposedApp } from '../composition';
import type { Caller, OperationHandlers } from './resolver-operation';

/** The space a settings page is for: its own project (the context), which the payload may only repeat. */
export function pageSpace(caller: Caller, payloadKey: string): string {
  const project = caller.extension.project as { key?: unknown } | undefined;
  const pageKey = typeof project?.key === 'string' ? project.key : undefined;
  if (pageKey !== undefined && pageKey !== payloadKey) {
    throw new AppError('invalid', 'projectKey: must be the space of this page', { projectKey: 'must be the space of this page' });
  }
  return payloadKey;
}

/** A settings page's operation (R28): run for its space once the caller is shown to be that space's admin. */
export function asSpaceAdmin<I extends { projectKey: string }, O>(
  run: (deps: ComposedApp, key: string, input: I, caller: Caller) => Promise<O>
): (input: I, caller: Caller, deps: ComposedApp) => Promise<O> {
  return async (input, caller, deps) => {
    const key = pageSpace(caller, input.projectKey);
    await deps.callers.requireSpaceAdmin(caller.accountId, key);
    return run(deps, key, input, caller);
  };
}

/**
 * The space settings page's operations (R26, R27, settings table). R28: the caller must be
 * an admin of the space (or a site admin), checked before anything is read or written.
 * Values are checked by the domain, which names each field and its range.
 */
export const spaceOperations = {
  'space.settings.get': asSpaceAdmin((deps, key) => getSpaceSettings(deps, key)),

  'space.settings.save': asSpaceAdmin((deps, key, input) => {
    const { projectKey: _key, setUp: _setUp, defaultLabel: _label, ...rest } = input;
    const patch = Object.fromEntries(Object.entries(rest).filter(([, value]) => value !== undefined)) as SpaceSettingsPatch;
    return saveSpaceSettings(deps, key, patch);
  }),

  'space.setup': asSpaceAdmin((deps, key, input, caller) => setUpSpace(deps, key, input.requestTypeId, caller.accountId as string)),

  'space.deactivate': asSpaceAdmin((deps, key) => deactivateSpace(deps, key))
} satisfies Partial<OperationHandlers>;
