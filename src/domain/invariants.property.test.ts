import fc from 'fast-check';
import type { AgentStatus } from './agent';
import { agent, MINUTE, SECOND, site, space, T0 } from './testing/fixtures';
import { advance, checkSettled, simulation, step, type Simulation } from './testing/simulation';

/**
 * Random sites (one to three spaces whose teams share two to six agents) under
 * random event sequences; the harness (testing/simulation.ts) checks after every
 * decision, timers included, that:
 * - R5: an offer never takes an agent past the maximum in force when it is made;
 * - R6: a conversation has at most one pending offer and at most one assignee, with
 *   transfers (to an agent, back to the queue) and a space admin's live view moves (LV2, LV3)
 *   interleaved with everything else;
 * - R1, R2: no offer goes to an agent who is not Available or whose heartbeat is stale;
 * - R12, R13, R14: every request reaches exactly one outcome, no later than Time to
 *   assign if never accepted, or twice Time to reply after accept without a reply,
 *   given the harness fires each timer on time.
 */

type Step =
  | { t: 'request'; space: number }
  | { t: 'accept' | 'decline'; pick: number }
  | { t: 'staleAnswer'; conversation: number; agent: number; accept: boolean }
  | { t: 'status'; agent: number; status: AgentStatus }
  | { t: 'heartbeat'; agent: number }
  | { t: 'everyInboxBeats' }
  | { t: 'reply' | 'customerMessage'; pick: number }
  | { t: 'resolve'; pick: number; byOther: boolean }
  | { t: 'customerEnd'; conversation: number }
  | { t: 'transfer'; pick: number; target: number; queue: boolean; otherSpace: boolean }
  | { t: 'adminMove'; pick: number; target: number; queue: boolean; staleView: boolean }
  | { t: 'max'; value: number }
  | { t: 'advance'; ms: number }
  | { t: 'replayTimer'; pick: number };

// Agents come back often: an offer timeout makes them Away (R9), and only a status change undoes it.
const statuses: AgentStatus[] = ['available', 'available', 'available', 'available', 'on_break', 'heads_down', 'away', 'offline'];

const stepArb: fc.Arbitrary<Step> = fc.oneof(
  { weight: 6, arbitrary: fc.record({ t: fc.constant('request' as const), space: fc.nat(2) }) },
  { weight: 5, arbitrary: fc.record({ t: fc.constant('accept' as const), pick: fc.nat(9) }) },
  { weight: 2, arbitrary: fc.record({ t: fc.constant('decline' as const), pick: fc.nat(9) }) },
  {
    weight: 1,
    arbitrary: fc.record({ t: fc.constant('staleAnswer' as const), conversation: fc.nat(60), agent: fc.nat(5), accept: fc.boolean() })
  },
  { weight: 4, arbitrary: fc.record({ t: fc.constant('status' as const), agent: fc.nat(5), status: fc.constantFrom(...statuses) }) },
  { weight: 2, arbitrary: fc.record({ t: fc.constant('heartbeat' as const), agent: fc.nat(5) }) },
  { weight: 4, arbitrary: fc.constant({ t: 'everyInboxBeats' as const }) },
  { weight: 2, arbitrary: fc.record({ t: fc.constant('reply' as const), pick: fc.nat(9) }) },
  { weight: 1, arbitrary: fc.record({ t: fc.constant('customerMessage' as const), pick: fc.nat(9) }) },
  { weight: 3, arbitrary: fc.record({ t: fc.constant('resolve' as const), pick: fc.nat(9), byOther: fc.boolean() }) },
  { weight: 1, arbitrary: fc.record({ t: fc.constant('customerEnd' as const), conversation: fc.nat(60) }) },
  {
    weight: 3,
    arbitrary: fc.record({
      t: fc.constant('transfer' as const),
      pick: fc.nat(9),
      target: fc.nat(5),
      queue: fc.boolean(),
      otherSpace: fc.oneof({ weight: 9, arbitrary: fc.constant(false) }, fc.constant(true))
    })
  },
  {
    weight: 2,
    arbitrary: fc.record({
      t: fc.constant('adminMove' as const),
      pick: fc.nat(9),
      target: fc.nat(5),
      queue: fc.boolean(),
      staleView: fc.oneof({ weight: 9, arbitrary: fc.constant(false) }, fc.constant(true))
    })
  },
  { weight: 1, arbitrary: fc.record({ t: fc.constant('max' as const), value: fc.integer({ min: 0, max: 5 }) }) },
  {
    weight: 5,
    arbitrary: fc.record({
      t: fc.constant('advance' as const),
      ms: fc.oneof({ weight: 6, arbitrary: fc.integer({ min: SECOND, max: MINUTE }) }, fc.integer({ min: MINUTE, max: 6 * MINUTE }))
    })
  },
  { weight: 1, arbitrary: fc.record({ t: fc.constant('replayTimer' as const), pick: fc.nat(50) }) }
);

const siteArb = fc.record({
  agentCount: fc.integer({ min: 2, max: 6 }),
  maxConversations: fc.integer({ min: 1, max: 4 }),
  spaces: fc.array(
    fc.record({
      members: fc.uniqueArray(fc.nat(5), { minLength: 1, maxLength: 4 }),
      timeToAssignMinutes: fc.integer({ min: 1, max: 6 }),
      offerTimeoutSeconds: fc.integer({ min: 30, max: 150 }),
      timeToReplyMinutes: fc.integer({ min: 1, max: 4 }),
      tooLargeTeam: fc.oneof({ weight: 9, arbitrary: fc.constant(false) }, fc.constant(true))
    }),
    { minLength: 1, maxLength: 3 }
  )
});

type SiteShape = typeof siteArb extends fc.Arbitrary<infer T> ? T : never;

function build(shape: SiteShape): Simulation {
  const ids = Array.from({ length: shape.agentCount }, (_, i) => `a${i}`);
  const spaces = shape.spaces.map((s, i) =>
    space(
      `S${i}`,
      [...new Set(s.members.map((m) => ids[m % ids.length] ?? 'a0'))],
      { ...s, teamId: s.tooLargeTeam ? `team-${i}` : null },
      s.tooLargeTeam ? 150 : 0
    )
  );
  return simulation(site({ spaces, agents: ids.map((id) => agent(id)), maxConversations: shape.maxConversations }), T0);
}

const nth = <T>(items: readonly T[], pick: number): T | undefined => items[pick % Math.max(items.length, 1)];

function play(sim: Simulation, s: Step, next: () => string): void {
  const agents = Object.keys(sim.state.agents);
  const conversations = Object.values(sim.state.conversations);
  const offered = conversations.filter((c) => c.offer !== null);
  const active = conversations.filter((c) => c.status === 'active');
  const spaces = Object.keys(sim.state.spaces);
  switch (s.t) {
    case 'request':
      step(sim, { type: 'request', conversationId: next(), projectKey: nth(spaces, s.space) ?? 'S0' });
      return;
    case 'accept':
    case 'decline': {
      const c = nth(offered, s.pick);
      if (c?.offer) step(sim, { type: s.t, conversationId: c.id, agentId: c.offer.agentId });
      return;
    }
    case 'staleAnswer': {
      const c = nth(conversations, s.conversation);
      const a = nth(agents, s.agent);
      if (c && a) step(sim, { type: s.accept ? 'accept' : 'decline', conversationId: c.id, agentId: a });
      return;
    }
    case 'status':
      step(sim, { type: 'setStatus', agentId: nth(agents, s.agent) ?? 'a0', status: s.status });
      return;
    case 'heartbeat':
      step(sim, { type: 'heartbeat', agentId: nth(agents, s.agent) ?? 'a0' });
      return;
    case 'everyInboxBeats':
      for (const agentId of agents) step(sim, { type: 'heartbeat', agentId });
      return;
    case 'reply':
    case 'customerMessage': {
      const c = nth(active, s.pick);
      if (!c?.assignee) return;
      const sender = s.t === 'reply' ? ({ role: 'agent', agentId: c.assignee } as const) : ({ role: 'customer' } as const);
      step(sim, { type: 'message', conversationId: c.id, sender });
      return;
    }
    case 'resolve': {
      const c = nth(active, s.pick);
      const agentId = s.byOther ? nth(agents, s.pick) : c?.assignee;
      if (c && agentId) step(sim, { type: 'resolve', conversationId: c.id, agentId });
      return;
    }
    case 'customerEnd': {
      const c = nth(conversations, s.conversation);
      if (c) step(sim, { type: 'customerEnd', conversationId: c.id });
      return;
    }
    case 'transfer': {
      // Transfers interleave with everything else; a refused one (target busy, away, another space) changes nothing.
      const c = nth(active, s.pick);
      if (!c?.assignee) return;
      const projectKey = s.otherSpace ? (nth(spaces, s.target) ?? c.projectKey) : c.projectKey;
      const to = s.queue ? { projectKey } : { accountId: nth(agents, s.target) ?? 'a0' };
      step(sim, { type: 'transfer', conversationId: c.id, agentId: c.assignee, to });
      return;
    }
    case 'adminMove': {
      // LV2, LV3: a space admin moves a running chat (any, pending transfer or not); a view gone stale names the wrong assignee.
      const c = nth(conversations, s.pick);
      if (!c) return;
      const from = s.staleView ? (nth(agents, s.target + 1) ?? 'a0') : (c.assignee ?? 'a0');
      const to = s.queue ? ({ queue: true } as const) : { accountId: nth(agents, s.target) ?? 'a0' };
      step(sim, { type: 'adminMove', conversationId: c.id, projectKey: c.projectKey, from, to });
      return;
    }
    case 'max':
      step(sim, { type: 'setMaxConversations', maxConversations: s.value });
      return;
    case 'advance':
      advance(sim, sim.now + s.ms);
      return;
    case 'replayTimer': {
      // A redelivered timer (at-least-once delivery) must change nothing.
      const timer = nth(sim.fired, s.pick);
      if (timer && step(sim, { type: 'timer', timer }).length > 0) throw new Error(`replayed ${JSON.stringify(timer)} had effects`);
      return;
    }
  }
}

describe('site invariants', () => {
  it('R5, R6, R1, R2, R12, R13, R14: hold after every step of random multi-space runs, transfers and LV2/LV3 admin moves included', () => {
    fc.assert(
      fc.property(siteArb, fc.array(stepArb, { minLength: 200, maxLength: 240 }), (shape, steps) => {
        const sim = build(shape);
        let count = 0;
        const next = () => `c${++count}`;
        for (const s of steps) play(sim, s, next);
        advance(sim, sim.now + 6 * 60 * MINUTE);
        checkSettled(sim);
      }),
      { numRuns: 1000 }
    );
  });
});
