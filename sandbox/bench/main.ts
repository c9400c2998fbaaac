import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { benchDesk, expiredWithoutReply, missedAfterWaiting, missedAtOnce, standardChat, type ChatCost } from './chat-costs';
import { COST_HEADERS, costCells, heading, round, table } from './format';
import { chatPages } from './pages';
import { llmLines, LLM_REQUESTS_PER_MINUTE, quotaModel, type QuotaModel } from './quota';
import { parse } from 'yaml';
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

/** The issue's ceiling for one standard chat (issue 12: with both pages open). */
const BUDGET = { userInvocations: 40, kvsWrites: 35, realtimeOps: 30, queueEvents: 2, jiraRequests: 5 } as const;

/**
 * The headline figures before issue 12 (this bench at commit dbd5a49), printed beside today's.
 * Routing's reads per point are in routing-scale.ts (READS_BEFORE).
 */
const BEFORE = {
  withPages: { userInvocations: 85, kvsWrites: 50, realtimeOps: 28, queueEvents: 1, jiraRequests: 5, computeMs: 67 },
  firstQuotaWithPages: { quota: 'userInvocationsPerMinute', chatsPerMinute: 51 },
  idleInboxPerHour: { invocations: 200, kvsWrites: 53 }
} as const;

/** Forge bills compute by the memory the manifest gives each function (app.runtime.memoryMB) × its running time. */
function memoryGb(): number {
  const manifest = parse(fs.readFileSync(path.join(ROOT, 'manifest.yml'), 'utf8')) as { app?: { runtime?: { memoryMB?: number } } };
  return (manifest.app?.runtime?.memoryMB ?? 512) / 1024;
}

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

  const gb = memoryGb();
  const compute = {
    memoryGb: gb,
    standardChatGbSeconds: (chats.standard.total.computeMs / 1000) * gb,
    withPagesGbSeconds: (withPages.total.computeMs / 1000) * gb,
    beforeWithPagesGbSeconds: (BEFORE.withPages.computeMs / 1000) * gb
  };
  print(chats, withPages, standing, quota, quotaWithPages, scale, wall);
  printDoneWhen(withPages, quotaWithPages, standing, scale, compute);
  const summary = {
    budget: BUDGET,
    before: BEFORE,
    chats,
    standardChatWithPages: withPages,
    standing,
    quota,
    quotaWithPages,
    llm: { requestsPerMinute: LLM_REQUESTS_PER_MINUTE, lines: llmLines() },
    routingScale: scale
  };
  const full = {
    ...summary,
    routingScale: scale,
    wallClock: wall,
    compute,
    machine: { cpus: os.cpus().length, model: os.cpus()[0]?.model, node: process.version },
    seconds: Math.round((performance.now() - started) / 1000)
  };
  writeJson(path.join(ROOT, 'bench-results', 'bench.json'), full);
  writeJson(path.join(ROOT, 'docs', 'bench.json'), stripCompute(summary));
  console.log(
    `\nWrote bench-results/bench.json (everything) and docs/bench.json (the costs, machine-independent) in ${Math.round((performance.now() - started) / 1000)} s.`
  );
  const over = budgetLines(withPages.total).filter((line) => !line.ok);
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

const userInvocations = (cost: Cost) => cost.invocations.resolver + cost.invocations.action;

function budgetLines(total: Cost) {
  return [
    { metric: 'user invocations', value: userInvocations(total), before: BEFORE.withPages.userInvocations, budget: BUDGET.userInvocations },
    { metric: 'KVS writes', value: total.kvsWrites, before: BEFORE.withPages.kvsWrites, budget: BUDGET.kvsWrites },
    { metric: 'realtime operations', value: total.realtimeOps, before: BEFORE.withPages.realtimeOps, budget: BUDGET.realtimeOps },
    { metric: 'queue events', value: total.queueEvents, before: BEFORE.withPages.queueEvents, budget: BUDGET.queueEvents },
    { metric: 'Jira requests', value: total.jiraRequests, before: BEFORE.withPages.jiraRequests, budget: BUDGET.jiraRequests }
  ].map((line) => ({ ...line, ok: line.value <= line.budget }));
}

/** Issue 12's "Done when", each line now and before. */
function printDoneWhen(
  withPages: ChatCost,
  quotaWithPages: QuotaModel,
  standing: StandingCosts,
  scale: ScalePoint[],
  compute: { memoryGb: number; withPagesGbSeconds: number; beforeWithPagesGbSeconds: number }
): void {
  console.log(heading('Issue 12, done when (now / before / ceiling)'));
  const at = (agents: number, waiting: number) => scale.find((p) => p.agents === agents && p.waiting === waiting);
  const was = (agents: number, waiting: number) => READS_BEFORE[`${agents}/${waiting}`];
  const idle = addCosts(standing.agentHeartbeatsPerHour, standing.agentInboxPollsPerHour);
  const rows: (string | number)[][] = [
    ...budgetLines(withPages.total).map((l) => [`standard chat, both pages open: ${l.metric}`, l.value, l.before, `≤ ${l.budget}`]),
    [
      `first quota with pages open, chats a minute (${quotaWithPages.first.quota})`,
      Math.floor(quotaWithPages.first.chatsPerMinute),
      BEFORE.firstQuotaWithPages.chatsPerMinute,
      '≥ 120'
    ],
    ['routing decision, 100 agents: KVS reads', at(100, 0)?.decision.kvsReads ?? '?', was(100, 0).decision, '≤ 10'],
    ['request (chat.start whole), 100 agents: KVS reads', at(100, 0)?.request.kvsReads ?? '?', was(100, 0).request, '—'],
    [
      'waiting poll at 1,000 waiting (chat.get; the position is 1 of them): KVS reads',
      at(100, 1000)?.waitingPoll.kvsReads ?? '?',
      was(100, 1000).waitingPoll,
      '≤ 3 for the position'
    ],
    ['widget.status, 100 agents: KVS reads', at(100, 0)?.widget.kvsReads ?? '?', was(100, 0).widget, '≤ 3'],
    ['idle inbox an hour: invocations', idle.invocations.total, BEFORE.idleInboxPerHour.invocations, '≤ 40'],
    ['idle inbox an hour: KVS writes', idle.kvsWrites, BEFORE.idleInboxPerHour.kvsWrites, '≤ 15'],
    [
      `standard chat, both pages open: GB-seconds (${compute.memoryGb * 1024} MB × this machine's compute)`,
      round(compute.withPagesGbSeconds, 4),
      round(compute.beforeWithPagesGbSeconds, 4),
      '—'
    ]
  ];
  console.log(table(['what', 'now', 'before', 'ceiling'], rows));
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
        ['an agent’s open inbox: agent.me poll (5 min, pushes healthy)', ...costCells(standing.agentInboxPollsPerHour)],
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
  console.log(
    heading(`Chats a minute the LLM quota allows (${LLM_REQUESTS_PER_MINUTE} requests a minute; one per AI turn before the handoff)`)
  );
  console.log(
    table(
      ['AI turns a chat', 'chats / minute'],
      llmLines().map((l) => [l.aiTurns, Math.floor(l.chatsPerMinute)])
    )
  );
  console.log('Chats handed over by the Rovo agent spend none of it; the widget’s AI chat spends one request per turn.');

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
