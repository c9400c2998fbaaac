import fc from 'fast-check';
import { load } from './agent';
import { agent, MINUTE, SECOND, site, space, T0 } from './testing/fixtures';
import { advance, simulation, step, type Simulation } from './testing/simulation';

/**
 * R6 round robin is fair when nothing else decides: one space, every agent
 * Available with a fresh heartbeat throughout (every inbox beats after each clock
 * advance), the same site maximum for all, every offer accepted at once, and
 * chats resolved early enough that capacity never binds (the harness resolves an
 * agent's oldest chat before a request could find them at the maximum, and
 * asserts this premise at every request). Then the numbers of offers made to the
 * agents differ by at most one after every step.
 */

type Step = { t: 'request' } | { t: 'resolve'; pick: number } | { t: 'advance'; ms: number };

const MAX = 5;

const stepArb: fc.Arbitrary<Step> = fc.oneof(
  { weight: 5, arbitrary: fc.constant({ t: 'request' as const }) },
  { weight: 3, arbitrary: fc.record({ t: fc.constant('resolve' as const), pick: fc.nat(20) }) },
  { weight: 2, arbitrary: fc.record({ t: fc.constant('advance' as const), ms: fc.integer({ min: SECOND, max: MINUTE }) }) }
);

function acceptEveryOffer(sim: Simulation): void {
  for (const conversation of Object.values(sim.state.conversations)) {
    if (conversation.offer) step(sim, { type: 'accept', conversationId: conversation.id, agentId: conversation.offer.agentId });
  }
}

function keepCapacityFree(sim: Simulation): void {
  for (const a of Object.values(sim.state.agents)) {
    const oldest = a.active[0];
    if (load(a) >= MAX - 1 && oldest) step(sim, { type: 'resolve', conversationId: oldest, agentId: a.accountId });
    if (load(sim.state.agents[a.accountId] ?? a) >= MAX) throw new Error('premise broken: capacity binds');
  }
}

function checkSpread(sim: Simulation, agentIds: readonly string[]): void {
  const counts = agentIds.map((id) => sim.offersMade[id] ?? 0);
  if (Math.max(...counts) - Math.min(...counts) > 1) throw new Error(`offers per agent ${counts.join(', ')}`);
}

describe('round robin fairness', () => {
  it('R6: with every offer accepted and capacity never binding, offers per agent differ by at most one', () => {
    fc.assert(
      fc.property(fc.integer({ min: 2, max: 6 }), fc.array(stepArb, { minLength: 200, maxLength: 240 }), (agentCount, steps) => {
        const ids = Array.from({ length: agentCount }, (_, i) => `a${i}`);
        const sim = simulation(site({ spaces: [space('HELP', ids)], agents: ids.map((id) => agent(id)), maxConversations: MAX }), T0);
        let count = 0;
        for (const s of steps) {
          if (s.t === 'request') {
            keepCapacityFree(sim);
            step(sim, { type: 'request', conversationId: `c${++count}`, projectKey: 'HELP' });
          } else if (s.t === 'resolve') {
            const active = Object.values(sim.state.conversations).filter((c) => c.status === 'active');
            const chat = active[s.pick % Math.max(active.length, 1)];
            if (chat?.assignee) step(sim, { type: 'resolve', conversationId: chat.id, agentId: chat.assignee });
          } else {
            advance(sim, sim.now + s.ms);
            for (const id of ids) step(sim, { type: 'heartbeat', agentId: id });
          }
          acceptEveryOffer(sim);
          checkSpread(sim, ids);
        }
      }),
      { numRuns: 1000 }
    );
  });
});
