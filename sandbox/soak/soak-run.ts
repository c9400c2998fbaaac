import { extraStaff } from '../jira/demo-site';
import { performance } from 'node:perf_hooks';
import { ChatWorld, MINUTE, SECOND, type StartedChat } from '../../src/app/routing/testing/chat-world';
import {
  checkWorkItemsSettled,
  InvariantBreach,
  randomAgentTurn,
  RoutingInvariants,
  seededRandom
} from '../../src/app/routing/testing/routing-invariants';
import { randomAdminTurn } from '../../src/app/spaces/testing/admin-turn';
import { forgeLikeLags } from '../kvs/kvs-consistency';
import type { FaultRule } from '../runtime/faults';
import { LIMIT_MS } from '../runtime/app-host';
import { ListeningPages } from './listening-pages';
import { SoakAttachments } from './soak-attachments';
import { SoakRatings } from './soak-ratings';

/**
 * The soak: thousands of chats over hours of virtual time, across three service spaces whose
 * teams share agents, every agent and customer acting at random (accept, decline, reply,
 * resolve, change status, close the inbox, end the chat), with the platform failing underneath
 * (Jira 5xx and 429, KVS conflicts and errors, queue events lost or delivered twice, consumers
 * dying, realtime refusing). After every round the routing invariants are checked from storage
 * (R5, R6, R14: src/app/routing/testing/routing-invariants.ts, the concurrency test's); at the
 * end, with the faults off and every chat ended, one outcome and one work item per request, and
 * what each work item was owed (R7, R15, R17), customers' files (A1: soak-attachments.ts) and
 * ratings (X1: soak-ratings.ts). The first breach stops the run. The agents'
 * inboxes and the open chats' widgets listen on their channels with the app's tokens throughout
 * (listening-pages.ts): none may be refused for want of a right token.
 */
export interface SoakOptions {
  /** Start chats until at least this many were started (refused starts do not count). */
  readonly chats: number;
  readonly seed: number;
  readonly faults?: boolean;
  /** A line now and then while it runs. */
  readonly progress?: (line: string) => void;
}

export interface SoakReport {
  readonly seed: number;
  readonly spaces: readonly string[];
  readonly agents: number;
  readonly sharedAgents: number;
  readonly maximum: number;
  readonly rounds: number;
  readonly virtualHours: number;
  readonly chatsStarted: number;
  readonly startsRefused: Record<string, number>;
  readonly operations: number;
  readonly faultsInjected: number;
  readonly faultsByKind: Record<string, number>;
  readonly invariantChecks: number;
  readonly recordsChecked: number;
  readonly outcomes: Record<string, number>;
  /** Platform cost per started chat over the whole run (faults and retries included). */
  readonly perChat: Record<string, number>;
  /** Realtime subscribes and publishes refused for want of the app's token (must be 0), and the pushes the pages received. */
  readonly realtimeRefused: number;
  readonly pushesReceived: number;
  /** A1: customers' files sent in the run, those the app delivered, and refusals by code. */
  readonly attachments: { readonly sent: number; readonly delivered: number; readonly refused: Record<string, number> };
  /** X1: chats customers rated, the requests they sent (bad input and seconds included), the ratings taken, refusals by code. */
  readonly ratings: { readonly chats: number; readonly sent: number; readonly accepted: number; readonly refused: Record<string, number> };
  /**
   * Each operation's modelled duration on Forge (sandbox/runtime/invocation-durations.ts), p50
   * and p99, beside its Forge limit (app-host.ts LIMIT_MS): compute here plus a round trip per
   * platform request.
   */
  readonly durations: readonly {
    scope: string;
    kind: string;
    count: number;
    p50: number;
    p99: number;
    p99Requests: number;
    limitMs: number;
  }[];
  /** The first broken promise, or null when every check held. */
  readonly breach: string | null;
  readonly seconds: number;
}

const TEAMS = {
  SUP: ['agent-ana', 'agent-ben', 'agent-chen', 'agent-dev', 'agent-eve'],
  HR: ['agent-hana', 'agent-ben', 'agent-gus', 'agent-ivy', 'agent-dev'],
  IT: ['agent-jon', 'agent-kim', 'agent-lou', 'agent-chen', 'agent-ivy']
} as const;
type Space = keyof typeof TEAMS;
const SPACES = Object.keys(TEAMS) as Space[];
const AGENTS = [...new Set(Object.values(TEAMS).flat())];
const MAXIMUM = 3;
/** Short timings, so that every timer (R9, R12, R13) fires often. */
const TIMINGS = { timeToAssignMinutes: 3, offerTimeoutSeconds: 45, timeToReplyMinutes: 2 };
const CUSTOMERS = 300;
const ANONYMOUS_SHARE = 0.05;

export const SOAK_FAULTS: FaultRule[] = [
  { target: 'jira', kind: 'http5xx', probability: 0.03 },
  { target: 'jira', kind: 'http429', probability: 0.03 },
  { target: 'kvs', kind: 'conflict', match: 'transaction', probability: 0.04 },
  { target: 'kvs', kind: 'http5xx', probability: 0.003 },
  { target: 'kvs', kind: 'http429', probability: 0.003 },
  { target: 'queue', kind: 'duplicate', probability: 0.05 },
  { target: 'queue', kind: 'drop', probability: 0.04 },
  { target: 'consumer', kind: 'die', probability: 0.03 },
  { target: 'realtime', kind: 'http429', probability: 0.03 }
];

export async function runSoak(options: SoakOptions): Promise<SoakReport> {
  // Wall-clock time: Date is the sandbox's virtual clock inside a Sandbox.
  const began = performance.now();
  // Storage lags as Forge's does: queries seconds behind the writes, expired items kept (kvs-consistency.ts).
  const world = new ChatWorld({ faultSeed: options.seed, meterLogs: true, kvs: forgeLikeLags(options.seed) });
  const rand = seededRandom(options.seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(rand() * items.length)];
  const started: StartedChat[] = [];
  const open = new Map<string, StartedChat>();
  const refused: Record<string, number> = {};
  const invariants = new RoutingInvariants(world, MAXIMUM);
  const pages = new ListeningPages(world);
  const attachments = new SoakAttachments(world);
  const ratings = new SoakRatings(world);
  const asCustomer = (operation: string, payload: unknown) => call(operation, payload, null);
  /** Each open page reads again when its token runs out soon (agent.me, chat.get), and follows the answer's channel. */
  const keepPagesListening = async () => {
    for (const key of pages.keys()) {
      const [kind, id] = key.split(' ');
      if ((kind === 'agent' && !world.online.has(id)) || (kind === 'chat' && !open.has(id))) pages.close(key);
    }
    for (const key of pages.due([...[...world.online].map((id) => `agent ${id}`), ...[...open.keys()].map((id) => `chat ${id}`)])) {
      const [kind, id] = key.split(' ');
      const chat = open.get(id);
      const answer =
        kind === 'agent'
          ? await call('agent.me', {}, id)
          : chat
            ? await call('chat.get', { conversationId: id, token: chat.token }, null)
            : {};
      if (!('error' in answer)) pages.follow(key, answer.realtime as { channel: string; token?: string } | undefined);
    }
  };
  let rounds = 0;
  let operations = 0;
  let breach: string | null = null;
  let outcomes: Record<string, number> = {};
  const call = async (operation: string, payload: unknown, as: string | null, projectKey?: string) => {
    operations += 1;
    return world.call(operation, payload, as, projectKey);
  };
  try {
    await setUp(world);
    const startTime = world.sandbox.clock.now();
    const customers = Array.from({ length: CUSTOMERS }, (_, i) => customerOf(world, i));
    if (options.faults !== false) world.sandbox.faults.set(SOAK_FAULTS, options.seed);

    while (started.length < options.chats) {
      rounds += 1;
      const starts = Array.from({ length: 4 + Math.floor(rand() * 10) }, () => {
        const space = pick(SPACES);
        return call(
          'chat.start',
          { projectKey: space, summary: `Request ${rounds}`, transcript: [{ from: 'customer', text: 'I need a person' }] },
          rand() < ANONYMOUS_SHARE ? null : pick(customers),
          space
        );
      });
      const customerMoves = [...open.values()]
        .filter(() => rand() < 0.15)
        .map((chat) => {
          if (rand() < 0.2)
            return rand() < 0.3
              ? ratings.endAndRate(chat, rand, asCustomer)
              : call('chat.end', { conversationId: chat.conversationId, token: chat.token }, null);
          if (rand() < 0.1) return attachments.send(chat, rand, asCustomer);
          return call('chat.send', { conversationId: chat.conversationId, token: chat.token, text: 'Are you there?' }, null);
        });
      const agentMoves = [...world.online].map((agentId) => {
        operations += 1;
        // Transfers too: to any agent (refused for one of another space, busy or away) or back to the queue.
        return randomAgentTurn(world, agentId, rand, AGENTS);
      });
      // Now and then SUP's admin moves running chats from the live view (LV2, LV3).
      const adminMoves = rand() < 0.3 ? [randomAdminTurn(world, 'admin-sup', 'SUP', rand, TEAMS.SUP)] : [];
      operations += adminMoves.length;
      const answers = await Promise.all(starts);
      await Promise.all([...customerMoves, ...ratings.moves(rand, asCustomer), ...agentMoves, ...adminMoves]);
      for (const answer of answers) {
        if ('error' in answer) {
          const code = (answer as { error: { code: string } }).error.code;
          if (!['unavailable', 'conflict', 'rate_limited'].includes(code)) throw new InvariantBreach('R29', `chat.start answered ${code}`);
          refused[code] = (refused[code] ?? 0) + 1;
        } else {
          const chat = answer as unknown as StartedChat;
          started.push(chat);
          if (chat.status !== 'missed') open.set(chat.conversationId, chat);
          else ratings.ended(chat, 'missed', rand);
          if (chat.status !== 'missed')
            pages.follow(`chat ${chat.conversationId}`, (chat as { realtime?: { channel: string; token?: string } }).realtime);
        }
      }
      // Now and then an agent closes the inbox (R2: a stale heartbeat) or comes back.
      if (rand() < 0.05) world.closeInbox(pick([...world.online]));
      if (rand() < 0.1) {
        const away = AGENTS.filter((a) => !world.online.has(a));
        if (away.length > 0) await world.goOnline(pick(away)).catch(() => undefined);
      }
      await keepPagesListening();
      await world.advance((5 + Math.floor(rand() * 26)) * SECOND);
      invariants.check();
      for (const [chat, outcome] of forgetEnded(world, open)) ratings.ended(chat, outcome, rand);
      if (rounds % 50 === 0)
        options.progress?.(
          `round ${rounds}: ${started.length} chats, ${world.sandbox.faults.count()} faults, ${Math.round((world.sandbox.clock.now() - startTime) / MINUTE)} virtual minutes`
        );
    }

    // Wind down: the faults stop, everyone comes back and answers, every chat ends, the sweep runs.
    world.sandbox.faults.clear();
    for (const agentId of AGENTS) if (!world.online.has(agentId)) await world.goOnline(agentId).catch(() => undefined);
    for (let i = 0; i < 20; i++) {
      await Promise.all([...world.online].map((agentId) => randomAgentTurn(world, agentId, rand)));
      await world.advance(30 * SECOND);
      invariants.check();
    }
    for (const agentId of AGENTS) {
      const me = await world.me(agentId);
      for (const chat of me.conversations) await world.call('conversation.resolve', { conversationId: chat.conversationId }, agentId);
    }
    await world.advance(20 * MINUTE);
    outcomes = invariants.checkSettled(started, SPACES);
    checkWorkItemsSettled(world, started);
    attachments.checkSettled();
    await ratings.settle(asCustomer);
    ratings.checkSettled(started);
  } catch (error) {
    breach =
      error instanceof InvariantBreach
        ? error.message
        : `unexpected: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`;
  }
  const usage = world.sandbox.meter.snapshot();
  const per = (value: number) => Math.round((value / Math.max(1, started.length)) * 100) / 100;
  const report: SoakReport = {
    seed: options.seed,
    spaces: SPACES,
    agents: AGENTS.length,
    sharedAgents: AGENTS.filter((a) => SPACES.filter((s) => (TEAMS[s] as readonly string[]).includes(a)).length > 1).length,
    maximum: MAXIMUM,
    rounds,
    virtualHours: Math.round(((world.sandbox.clock.now() - startOf(world)) / (60 * MINUTE)) * 10) / 10,
    chatsStarted: started.length,
    startsRefused: refused,
    operations,
    faultsInjected: world.sandbox.faults.count(),
    faultsByKind: world.sandbox.faults.counts(),
    invariantChecks: invariants.checks,
    recordsChecked: invariants.recordsChecked,
    outcomes,
    perChat: {
      invocations: per(
        usage['invocations.resolver'] +
          usage['invocations.consumer'] +
          usage['invocations.scheduledTrigger'] +
          usage['invocations.productTrigger']
      ),
      kvsWrites: per(usage['kvs.writes']),
      kvsConflicts: per(usage['kvs.conflicts']),
      queueEvents: per(usage['queue.events']),
      jiraRequests: per(usage['jira.requests']),
      logLines: per(usage['logs.lines'])
    },
    realtimeRefused: usage['realtime.refused'],
    durations: world.sandbox.durations
      .percentiles()
      .map((d) => ({ ...d, p50: Math.round(d.p50), p99: Math.round(d.p99), limitMs: LIMIT_MS[d.kind as keyof typeof LIMIT_MS] }))
      .sort((a, b) => b.p99 / b.limitMs - a.p99 / a.limitMs),
    pushesReceived: pages.received,
    attachments: { sent: attachments.sent, delivered: attachments.delivered, refused: attachments.refused },
    ratings: { chats: ratings.chats, sent: ratings.sends, accepted: ratings.accepted, refused: ratings.refused },
    breach,
    seconds: Math.round((performance.now() - began) / 100) / 10
  };
  world.close();
  return report;
}

const starts = new WeakMap<ChatWorld, number>();
function startOf(world: ChatWorld): number {
  return starts.get(world) ?? world.sandbox.clock.now();
}

/** Three service spaces whose agents overlap, live chat set up in each, every agent online. */
async function setUp(world: ChatWorld): Promise<void> {
  const jira = world.sandbox.jira;
  starts.set(world, world.sandbox.clock.now());
  for (const id of AGENTS.filter((a) => !jira.user(a))) {
    jira.addUser(extraStaff(id, id.replace('agent-', 'Agent ')));
  }
  jira.setProjectRole('SUP', 'Service Desk Team', [...TEAMS.SUP]);
  jira.setProjectRole('HR', 'Service Desk Team', [...TEAMS.HR]);
  jira.createProject({ key: 'IT', name: 'IT help', lead: 'admin', agents: [...TEAMS.IT] });
  await world.settle();
  await world.setUpSupport(TIMINGS);
  await world.setUpHr(TIMINGS);
  await world.ok('space.setup', { projectKey: 'IT' }, 'admin', 'IT');
  await world.ok('space.settings.save', { projectKey: 'IT', ...TIMINGS }, 'admin', 'IT');
  await world.setMaximum(MAXIMUM);
  for (const agentId of AGENTS) await world.goOnline(agentId);
}

/** Portal customer `n` of every space. */
function customerOf(world: ChatWorld, n: number): string {
  const accountId = world.customer(n);
  const jira = world.sandbox.jira;
  const it = jira.project('IT');
  if (it && !it.roles['Service Desk Customers'].includes(accountId))
    jira.setProjectRole('IT', 'Service Desk Customers', [...it.roles['Service Desk Customers'], accountId]);
  return accountId;
}

/** Chats that ended leave the customers' hands (they stop writing, and may rate them): each with its outcome. */
function forgetEnded(world: ChatWorld, open: Map<string, StartedChat>): [StartedChat, string][] {
  const ended: [StartedChat, string][] = [];
  for (const { key, value } of world.sandbox.kvs.entityItems<{ record: { outcome: { kind: string } | null } }>('conversation')) {
    const chat = open.get(key);
    if (!value.record.outcome || !chat) continue;
    open.delete(key);
    ended.push([chat, value.record.outcome.kind]);
  }
  return ended;
}
