import { AppError } from '../app-error';
import { loadSpace, type LoadSpaceDeps } from './load-space';
import { spaceSettingsView, type SpaceSettingsView, type SpaceViewDeps } from './space-settings-view';

/** `space.settings.get`: the space's settings (its defaults when the app has no record yet). */
export async function getSpaceSettings(deps: LoadSpaceDeps & SpaceViewDeps, projectKey: string): Promise<SpaceSettingsView> {
  const space = await loadSpace(deps, projectKey);
  if (!space) throw new AppError('not_found', `There is no service space with the key ${projectKey}.`);
  return spaceSettingsView(deps, space);
}
