import type { BusinessHours } from './business-hours';
import { accept, agent, heartbeat, MINUTE, play, request, resolve, site, space, T0 } from './testing/fixtures';

// T0 is Monday 6 January 2025, 09:00 UTC: open 09:00–09:10 on Mondays.
const shortMonday: BusinessHours = {
  timeZone: 'UTC',
  week: { monday: [{ start: '09:00', end: '09:10' }], tuesday: [], wednesday: [], thursday: [], friday: [], saturday: [], sunday: [] },
  holidays: [],
  closedMessage: 'Closed, back {opening}.'
};

describe('routing and business hours (H2)', () => {
  const given = () =>
    site({
      spaces: [space('HELP', ['ann'], { businessHours: shortMonday, timeToAssignMinutes: 60 })],
      agents: [agent('ann')],
      maxConversations: 1
    });

  it('H2: a chat waiting at closing time is not offered when a slot frees after closing; it keeps its place', () => {
    const { state } = play(given(), [
      [request('c1'), T0],
      [request('c2'), T0 + 1],
      [accept('c1', 'ann'), T0 + 2],
      [heartbeat('ann'), T0 + 11 * MINUTE],
      [resolve('c1', 'ann'), T0 + 11 * MINUTE]
    ]);
    expect(state.conversations.c2?.status).toBe('waiting');
    expect(state.agents.ann?.offers).toEqual([]);
  });

  it('H2: the same slot freed inside the hours is offered at once', () => {
    const { state } = play(given(), [
      [request('c1'), T0],
      [request('c2'), T0 + 1],
      [accept('c1', 'ann'), T0 + 2],
      [heartbeat('ann'), T0 + 5 * MINUTE],
      [resolve('c1', 'ann'), T0 + 5 * MINUTE]
    ]);
    expect(state.conversations.c2?.status).toBe('offered');
  });

  it('H2: a space without business hours is always open', () => {
    const always = site({ spaces: [space('HELP', ['ann'])], agents: [agent('ann', { lastHeartbeatAt: T0 + 600 * MINUTE })] });
    const { state } = play(always, [[request('c1'), T0 + 600 * MINUTE]]);
    expect(state.conversations.c1?.status).toBe('offered');
  });
});
