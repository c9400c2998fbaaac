import type { SpaceOverview } from '../shared/operations';
import { overviewSummary, sortSpaces, spaceState } from './overview';

const space = (projectKey: string, over: Partial<SpaceOverview> = {}): SpaceOverview => ({
  projectKey,
  name: projectKey,
  enabled: true,
  setUp: true,
  availableAgents: 0,
  waiting: 0,
  active: 0,
  ...over
});

describe('site overview', () => {
  it('lists spaces with live chat on first, then by key', () => {
    const spaces = [space('HR', { enabled: false }), space('SUP'), space('IT', { setUp: false }), space('ABC')];
    expect(sortSpaces(spaces).map((s) => s.projectKey)).toEqual(['ABC', 'SUP', 'IT', 'HR']);
  });

  it('sums agents available now, chats waiting and active', () => {
    const spaces = [space('SUP', { availableAgents: 2, waiting: 1, active: 3 }), space('HR', { enabled: false, availableAgents: 1 })];
    expect(overviewSummary(spaces)).toBe('1 space with live chat on · 3 agents available now · 1 waiting · 3 active');
  });

  it("names each space's state", () => {
    expect(spaceState({ enabled: false, setUp: true })).toEqual({ label: 'Off', appearance: 'default' });
    expect(spaceState({ enabled: true, setUp: false }).label).toBe('Not set up');
  });
});
