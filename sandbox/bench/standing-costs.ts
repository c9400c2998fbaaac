import { MINUTE, SECOND, supportDesk } from '../../src/app/routing/testing/chat-world';
import { costBetween, type Cost } from './usage';
import { SLOW_POLL_MS } from './pages';

/**
 * What costs the platform whether or not chats run, per hour: an agent with the inbox open
 * (a heartbeat every 45 s, static/agent-inbox/src/heartbeat.ts, and the inbox's 5-minute safety-net
 * poll of `agent.me` while its push channel is healthy, static/shared/src/use-live-updates.ts) and the installation's 5-minute sweep.
 */
export interface StandingCosts {
  /** One online agent's inbox for an hour: heartbeats (with the permission answers they refresh). */
  readonly agentHeartbeatsPerHour: Cost;
  /** One online agent's inbox for an hour: its 5-minute `agent.me` poll. */
  readonly agentInboxPollsPerHour: Cost;
  /** The 5-minute sweep for an hour, with nothing to repair. */
  readonly sweepPerHour: Cost;
}

const HEARTBEAT_MS = 45 * SECOND;
const INBOX_POLL_MS = SLOW_POLL_MS;
const TICK_MS = 15 * SECOND;

export async function standingCosts(): Promise<StandingCosts> {
  const world = await supportDesk(['agent-ana'], {}, { meterLogs: true });
  try {
    world.closeInbox('agent-ana'); // beats at the inbox's own pace below, not the test world's
    await world.advance(10 * MINUTE); // past the set-up's own permission answers
    const meter = world.sandbox.meter;
    const before = meter.snapshot();
    for (let t = TICK_MS; t <= 60 * MINUTE; t += TICK_MS) {
      await world.sandbox.clock.advance(TICK_MS);
      if (t % HEARTBEAT_MS === 0) await world.ok('agent.heartbeat', {}, 'agent-ana');
      if (t % INBOX_POLL_MS === 0) await world.ok('agent.me', {}, 'agent-ana');
    }
    await world.settle();
    const after = meter.snapshot();
    return {
      agentHeartbeatsPerHour: costBetween(before, after, (scope) => scope === 'resolver agent.heartbeat'),
      agentInboxPollsPerHour: costBetween(before, after, (scope) => scope === 'resolver agent.me'),
      sweepPerHour: costBetween(before, after, (scope) => scope === 'scheduledTrigger chat-sweep')
    };
  } finally {
    world.close();
  }
}
