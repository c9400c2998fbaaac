import fc from 'fast-check';
import { newConversation } from './conversation';
import { dispatch, offerBound } from './dispatch';
import { timingOf } from './settings';
import type { AgentStatus } from './agent';
import { agent, MINUTE, site, space, T0 } from './testing/fixtures';

/**
 * R11: the shell reads no more of a space's queue than offerBound says a dispatch can offer
 * (src/app/decision/decision-session.ts). Over random teams (status, heartbeat, load) and
 * queues, a dispatch over the whole queue makes no more offers than the bound, so reading only
 * that many of the oldest waiting chats offers exactly the same ones (R11's order).
 */
const statuses: AgentStatus[] = ['available', 'available', 'on_break', 'heads_down', 'away', 'offline'];

const teamArb = fc.array(
  fc.record({
    status: fc.constantFrom(...statuses),
    stale: fc.boolean(),
    load: fc.nat(4),
    lastOfferedAt: fc.option(fc.nat(10 * MINUTE), { nil: null })
  }),
  { minLength: 1, maxLength: 8 }
);

describe('offerBound', () => {
  it('R11: a dispatch over the whole queue offers no more chats than the bound, and the same ones over just that many', () => {
    fc.assert(
      fc.property(teamArb, fc.nat(12), fc.integer({ min: 1, max: 5 }), (team, waiting, maxConversations) => {
        const now = T0 + 10 * MINUTE;
        const agents = team.map((a, i) =>
          agent(`agent-${i}`, {
            status: a.status,
            lastHeartbeatAt: a.stale ? now - 3 * MINUTE : now - 10_000,
            lastOfferedAt: a.lastOfferedAt === null ? null : T0 + a.lastOfferedAt,
            active: Array.from({ length: a.load }, (_, n) => `held-${i}-${n}`)
          })
        );
        const help = space(
          'HELP',
          agents.map((a) => a.accountId)
        );
        const queue = Array.from({ length: waiting }, (_, n) =>
          newConversation({
            id: `c-${String(n).padStart(2, '0')}`,
            projectKey: 'HELP',
            requestedAt: now - MINUTE + n,
            timing: timingOf(help.settings)
          })
        );
        const bound = offerBound(agents, new Set(), maxConversations, now);
        const whole = dispatch(site({ spaces: [help], agents, conversations: queue, maxConversations }), now);
        const head = dispatch(site({ spaces: [help], agents, conversations: queue.slice(0, bound), maxConversations }), now);
        const offered = (change: typeof whole) =>
          Object.values(change.conversations)
            .filter((c) => c.status === 'offered')
            .map((c) => `${c.id}→${c.offer?.agentId}`)
            .sort();
        expect(offered(whole).length).toBeLessThanOrEqual(bound);
        expect(offered(head)).toEqual(offered(whole));
      })
    );
  });

  it('R11: counts an agent the event itself changes as wholly free, whatever their status and load', () => {
    const now = T0;
    const busy = agent('agent-busy', { status: 'away', active: ['a', 'b', 'c'] });
    const free = agent('agent-free', { active: ['d'] });
    expect(offerBound([busy, free], new Set(), 3, now)).toBe(2);
    expect(offerBound([busy, free], new Set(['agent-busy']), 3, now)).toBe(5);
  });
});
