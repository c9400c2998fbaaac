/** The site overview (`site.overview`) as the admin page shows it. */
import type { SpaceOverview } from '../shared/operations';
import { plural } from '../shared/format';

export type SpaceState = { readonly label: string; readonly appearance: 'success' | 'moved' | 'default' };

export function spaceState(space: Pick<SpaceOverview, 'enabled' | 'setUp'>): SpaceState {
  if (!space.enabled) return { label: 'Off', appearance: 'default' };
  return space.setUp ? { label: 'On', appearance: 'success' } : { label: 'Not set up', appearance: 'moved' };
}

/** Spaces with live chat on come first, then by key, so the busy ones are at the top. */
export function sortSpaces(spaces: readonly SpaceOverview[]): SpaceOverview[] {
  const rank = (s: SpaceOverview) => (s.enabled && s.setUp ? 0 : s.enabled ? 1 : 2);
  return [...spaces].sort((a, b) => rank(a) - rank(b) || a.projectKey.localeCompare(b.projectKey));
}

/** One line above the table: "2 spaces with live chat on · 3 agents available · 1 waiting · 2 active". */
export function overviewSummary(spaces: readonly SpaceOverview[]): string {
  const on = spaces.filter((s) => s.enabled && s.setUp).length;
  const sum = (pick: (s: SpaceOverview) => number) => spaces.reduce((total, s) => total + pick(s), 0);
  return [
    `${plural(on, 'space')} with live chat on`,
    `${plural(
      sum((s) => s.availableAgents),
      'agent'
    )} available now`,
    `${sum((s) => s.waiting)} waiting`,
    `${sum((s) => s.active)} active`
  ].join(' · ');
}
