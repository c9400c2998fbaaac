import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { benchDesk, expiredWithoutReply, missedAfterWaiting, missedAtOnce, standardChat, type ChatCost } from './chat-costs';
import { COST_HEADERS, costCells, heading, round, table } from './format';
import { chatPages } from './pages';
import { quotaModel, type QuotaModel } from './quota';
import { READS_BEFORE, routingScale, type ScalePoint } from './routing-scale';
import { standingCosts, type StandingCosts } from './standing-costs';
import { addCosts, type Cost } from './usage';
import { wallClock, type WallClock } from './wall-clock';

/**
 * `npm run bench`: what the app costs on Forge, measured on the sandbox runtime's usage meter,
 * printed as tables, written in full to bench-results/bench.json (with this machine's
 * wall-clock figures) and as a summary to docs/bench.json (committed: the measured costs only,
 * which do not depend on the machine, so a change in cost shows in review as a diff).
 */
const ROOT = path.resolve(__dirname, '..', '..');

/** The issue's ceiling for one standard chat. */
const BUDGET = { invocations: 30, kvsWrites: 30, queueEvents: 2, jiraRequests: 5 } as const;

async function main(): Promise<void> {
  const quiet = silenceAppLogs();
  const started = performance.now(); // wall clock: Date is the sandbox's virtual clock
  const chats = await chatCosts();
  const withPages = await standardWithPages();
  const standing = await standingCosts();
  const agentPerHour = addCosts(standing.agentHeartbeatsPerHour, standing.agentInboxPollsPerHour);
  const quota = quotaModel(chats.standard.total, standing.agentHeartbeatsPerHour, standing.sweepPerHour, chats.standard.minutes, 3);
  const quotaWithPages = quotaModel(withPages.total, agentPerHour, standing.sweepPerHour, withPages.minutes, 3);
  const scale = await routingScale();
  const wall = await wallClock();
  quiet.restore();

  print(chats, withPages, standing, quota, quotaWithPages, scale, wall);
  const summary = { budget: BUDGET, chats, standardChatWithPages: withPages, standing, quota, quotaWithPages, routingScale: scale };
  const full = {
    ...summary,
    routingScale: scale,
    wallClock: wall,
    machine: { cpus: os.cpus().length, model: os.cpus()[0]?.model, node: process.version },
    seconds: Math.round((performance.now() - started) / 1000)
  };
  writeJson(path.join(ROOT, 'bench-results', 'bench.json'), full);
  writeJson(path.join(ROOT, 'docs', 'bench.json'), stripCompute(summary));
  console.log(
    `\nWrote bench-results/bench.json (everything) and docs/bench.json (the costs, machine-independent) in ${Math.round((performance.now() - started) / 1000)} s.`
  );
  const over = budgetLines(chats.standard.total).filter((line) => !line.ok);
  if (over.length > 0) console.log(`Over the issue's ceiling: ${over.map((l) => `${l.metric} ${l.value} > ${l.budget}`).join(', ')}.`);
}

interface Chats {
  standard: ChatCost;
  missedAtOnce: ChatCost;
  missedAfterWaiting: ChatCost;
  expiredWithoutReply: ChatCost;
}

async function chatCosts(): Promise<Chats> {
  const world = await benchDesk();
  try {
    await standardChat(world, world.customer(0)); // warms what a running installation keeps warm
    const standard = await standardChat(world, world.customer(1));
    const expired = await expiredWithoutReply(world, world.customer(2));
    const missed = await missedAtOnce(world, world.customer(5));
    const waiting = await missedAfterWaiting(world, world.customer(3), world.customer(4));
    return { standard, missedAtOnce: missed, missedAfterWaiting: waiting, expiredWithoutReply: expired };
  } finally {
    world.close();
  }
}

async function standardWithPages(): Promise<ChatCost> {
  const world = await benchDesk();
  try {
    const pages = await chatPages(world, 'agent-ana');
    await standardChat(world, world.customer(0), pages);
    return await standardChat(world, world.customer(1), pages);
  } finally {
    world.close();
  }
}

function budgetLines(total: Cost) {
  return [
    { metric: 'invocations', value: total.invocations.total, budget: BUDGET.invocations },
    { metric: 'KVS writes', value: total.kvsWrites, budget: BUDGET.kvsWrites },
    { metric: 'queue events', value: total.queueEvents, budget: BUDGET.queueEvents },
    { metric: 'Jira requests', value: total.jiraRequests, budget: BUDGET.jiraRequests }
  ].map((line) => ({ ...line, ok: line.value <= line.budget }));
}

function print(
  chats: Chats,
  withPages: ChatCost,
  standing: StandingCosts,
  quota: QuotaModel,
  quotaWithPages: QuotaModel,
  scale: ScalePoint[],
  wall: WallClock
): void {
  const std = chats.standard;
  console.log(heading(`One standard chat (${round(std.minutes, 1)} virtual minutes), step by step`));
  console.log(
    table(
      ['step', ...COST_HEADERS],
      [...Object.entries(std.steps).map(([step, cost]) => [step, ...costCells(cost)]), ['total', ...costCells(std.total)]]
    )
  );
  console.log(
    `\nInvocations by kind: ${std.total.invocations.resolver} resolver, ${std.total.invocations.consumer} consumer, ${std.total.invocations.productTrigger} product trigger.`
  );
  console.log(
    table(
      ['against the issue’s ceiling', 'standard chat', 'ceiling', ''],
      budgetLines(std.total).map((l) => [l.metric, l.value, l.budget, l.ok ? 'within' : 'OVER'])
    )
  );

  console.log(heading('Other chats, in total'));
  console.log(
    table(
      ['chat', ...COST_HEADERS],
      [
        ['standard (above)', ...costCells(std.total)],
        ['standard, with its two pages reading as they do', ...costCells(withPages.total)],
        ['missed at once (R10: nobody available)', ...costCells(chats.missedAtOnce.total)],
        ['missed after waiting 20 min (R12)', ...costCells(chats.missedAfterWaiting.total)],
        ['expired without a reply (R13)', ...costCells(chats.expiredWithoutReply.total)]
      ]
    )
  );

  console.log(heading('Standing costs, per hour'));
  console.log(
    table(
      ['what', ...COST_HEADERS],
      [
        ['an agent’s open inbox: heartbeats (45 s)', ...costCells(standing.agentHeartbeatsPerHour)],
        ['an agent’s open inbox: agent.me poll (30 s)', ...costCells(standing.agentInboxPollsPerHour)],
        ['the installation’s sweep (5 min)', ...costCells(standing.sweepPerHour)]
      ]
    )
  );

  for (const [title, model] of [
    ['the chat’s own operations', quota],
    ['with the pages’ reads and polls', quotaWithPages]
  ] as const) {
    console.log(
      heading(
        `Chats a minute before the first quota (${title}; ${round(model.chatMinutes, 1)}-minute chats, ${model.maxConversations} chats per agent)`
      )
    );
    console.log(
      table(
        ['quota', 'limit', 'per chat (with agents’ share)', 'chats / minute'],
        model.lines.map((l) => [l.quota, l.limit, round(l.perChat, 2), Math.floor(l.chatsPerMinute)])
      )
    );
    console.log(`First reached: ${model.first.quota} at ${Math.floor(model.first.chatsPerMinute)} chats a minute.`);
  }

  console.log(heading('Reads as the team and the queue grow (now / before the roster and the waiting line)'));
  const was = (p: ScalePoint) => READS_BEFORE[`${p.agents}/${p.waiting}`];
  const pair = (now: number, before: number | undefined) => `${now} / ${before ?? '?'}`;
  console.log(
    table(
      ['agents', 'waiting', 'decision', 'request', 'slot freed', 'waiting poll', 'widget.status', 'request KB', 'request writes'],
      scale.map((p) => [
        p.agents,
        p.waiting,
        pair(p.decision.kvsReads, was(p)?.decision),
        pair(p.request.kvsReads, was(p)?.request),
        pair(p.slotFreed.kvsReads, was(p)?.slotFreed),
        pair(p.waitingPoll.kvsReads, was(p)?.waitingPoll),
        pair(p.widget.kvsReads, was(p)?.widget),
        round(p.request.kvsReadBytes / 1024, 1),
        p.request.kvsWrites
      ])
    )
  );
  console.log(
    'decision: offer.decline routed again (one routing decision over the team and the queue head); request: chat.start whole;\n' +
      'slot freed: conversation.resolve and its dispatch; waiting poll: chat.get of a waiting chat (the queue position is one read of its line).'
  );

  console.log(
    heading(`Local wall-clock figures (this machine: ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}; in-process sandbox, not Forge)`)
  );
  console.log(
    table(
      ['figure', 'value'],
      [
        ['requests routed per second (chat.start end to end)', wall.requestsRoutedPerSecond],
        ['routing decisions per second (offer.decline → next agent)', wall.declinesReroutedPerSecond],
        ['message agent → customer, p50 ms', wall.agentToCustomerMs.p50],
        ['message agent → customer, p99 ms', wall.agentToCustomerMs.p99]
      ]
    )
  );
}

/** Compute time is this machine's: never part of the committed summary. */
function stripCompute(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(stripCompute);
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value)
        .filter(([key]) => key !== 'computeMs')
        .map(([key, v]) => [key, typeof v === 'number' ? round(v, 3) : stripCompute(v)])
    );
  }
  return value;
}

function writeJson(file: string, value: unknown): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, `${JSON.stringify(value, null, 2)}\n`);
}

/** The app logs one line per problem it meets; the bench prints tables (the lines are counted, not shown). */
function silenceAppLogs(): { restore(): void } {
  const saved = { log: console.log, warn: console.warn, error: console.error, info: console.info };
  console.warn = () => undefined;
  console.error = () => undefined;
  console.info = () => undefined;
  return {
    restore() {
      Object.assign(console, saved);
    }
  };
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exitCode = 1;
});
