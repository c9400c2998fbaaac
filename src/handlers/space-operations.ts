import type { SpaceSettingsPatch } from '../domain';
import { deactivateSpace } from '../app/spaces/deactivate-space';
import { getSpaceSettings } from '../app/spaces/get-space-settings';
import { saveSpaceSettings } from '../app/spaces/save-space-settings';
import { setUpSpace } from '../app/spaces/set-up-space';
import { AppError } from '../app/app-error';
import type { Caller, OperationHandlers } from './resolver-operation';

/** The space a settings page is for: its own project (the context), which the payload may only repeat. */
function pageSpace(caller: Caller, payloadKey: string): string {
  const project = caller.extension.project as { key?: unknown } | undefined;
  const pageKey = typeof project?.key === 'string' ? project.key : undefined;
  if (pageKey !== undefined && pageKey !== payloadKey) {
    throw new AppError('invalid', 'projectKey: must be the space of this page', { projectKey: 'must be the space of this page' });
  }
  return payloadKey;
}

/**
 * The space settings page's operations (R26, R27, settings table). R28: the caller must be
 * an admin of the space (or a site admin), checked before anything is read or written.
 * Values are checked by the domain, which names each field and its range.
 */
export const spaceOperations = {
  'space.settings.get': async (input, caller, deps) => {
    const key = pageSpace(caller, input.projectKey);
    await deps.callers.requireSpaceAdmin(caller.accountId, key);
    return getSpaceSettings(deps, key);
  },

  'space.settings.save': async (input, caller, deps) => {
    const key = pageSpace(caller, input.projectKey);
    const { projectKey: _key, setUp: _setUp, defaultLabel: _label, ...rest } = input;
    const patch = Object.fromEntries(Object.entries(rest).filter(([, value]) => value !== undefined)) as SpaceSettingsPatch;
    await deps.callers.requireSpaceAdmin(caller.accountId, key);
    return saveSpaceSettings(deps, key, patch);
  },

  'space.setup': async (input, caller, deps) => {
    const key = pageSpace(caller, input.projectKey);
    await deps.callers.requireSpaceAdmin(caller.accountId, key);
    return setUpSpace(deps, key, input.requestTypeId, caller.accountId as string);
  },

  'space.deactivate': async (input, caller, deps) => {
    const key = pageSpace(caller, input.projectKey);
    await deps.callers.requireSpaceAdmin(caller.accountId, key);
    return deactivateSpace(deps, key);
  }
} satisfies Partial<OperationHandlers>;
