import { standingCosts } from './standing-costs';

/**
 * What an open inbox costs an hour (npm run bench's standing costs), kept honest by the suite:
 * R2's heartbeat written every other beat (45 s), and R28's proof of the agent permission kept
 * on the agent's roster entry with it, so no beat and no agent.me poll writes a permission
 * answer of its own, and Jira is asked as the agent about once every 4.5 minutes.
 */
describe('an agent’s open inbox, an hour', () => {
  beforeEach(() => {
    for (const level of ['log', 'warn', 'error'] as const) jest.spyOn(console, level).mockImplementation(() => undefined);
  });
  afterEach(() => jest.restoreAllMocks());

  it('R2, R28: 80 beats write their presence 40 times (the proof with it), ask Jira as the agent every 4.5 minutes; the 12 agent.me polls write nothing', async () => {
    const { agentHeartbeatsPerHour: beats, agentInboxPollsPerHour: polls } = await standingCosts();
    expect(beats.invocations.resolver).toBe(80);
    // 40 presence writes (the proof among them) and the first beat's refresh of the space's agents (10 minutes old after the set-up).
    expect(beats.kvsWrites).toBeLessThanOrEqual(41);
    // The proof renewed on a writing beat every 4.5 minutes (never older than 5), the first beat's, and that refresh of the space's agents.
    expect(beats.jiraRequests).toBeGreaterThanOrEqual(13);
    expect(beats.jiraRequests).toBeLessThanOrEqual(15);
    expect(polls.invocations.resolver).toBe(12);
    expect(polls.kvsWrites).toBe(0);
    expect(polls.jiraRequests).toBe(0);
  });
});
