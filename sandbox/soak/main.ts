import { runSoak, type SoakReport } from './soak-run';

/**
 * `npm run soak [-- --chats N] [-- --seed S] [-- --no-faults]`: runs the soak (soak-run.ts),
 * prints what it ran and what held, and exits non-zero on any breach. The seed fixes what the
 * agents and customers do and which calls fail; conversation ids are random, so a rerun with
 * the same seed follows the same pattern, not the very same chats.
 */
function argument(name: string, fallback: number): number {
  const at = process.argv.indexOf(`--${name}`);
  const value = at >= 0 ? Number(process.argv[at + 1]) : fallback;
  if (!Number.isInteger(value) || value <= 0) throw new Error(`--${name} must be a positive integer`);
  return value;
}

async function main(): Promise<void> {
  const chats = argument('chats', 5000);
  const seed = argument('seed', 20251122);
  const faults = !process.argv.includes('--no-faults');
  const say = (line: string) => process.stdout.write(`${line}\n`);
  // The app logs a line per problem it meets (thousands, with faults on): counted, not shown.
  for (const level of ['log', 'info', 'warn', 'error', 'debug'] as const) console[level] = () => undefined;
  say(`Soak: at least ${chats} chats, seed ${seed}, faults ${faults ? 'on' : 'off'}.`);
  const report = await runSoak({ chats, seed, faults, progress: say });
  print(report, say);
  const slow = report.durations.filter((d) => d.p99 > d.limitMs / 4);
  if (slow.length > 0) say(`p99 above a quarter of the limit: ${slow.map((d) => d.scope).join(', ')}`);
  process.exitCode = report.breach || report.realtimeRefused > 0 || slow.length > 0 ? 1 : 0;
}

function print(report: SoakReport, say: (line: string) => void): void {
  const list = (record: Record<string, number>) =>
    Object.entries(record)
      .sort((a, b) => b[1] - a[1])
      .map(([key, n]) => `${key} ${n}`)
      .join(', ') || 'none';
  say('');
  say('What ran');
  say(
    `  ${report.chatsStarted} chats in ${report.rounds} rounds over ${report.virtualHours} hours of virtual time (${report.seconds} s of wall clock), ${report.operations} operations`
  );
  say(
    `  spaces ${report.spaces.join(', ')}; ${report.agents} agents, ${report.sharedAgents} of them in two spaces; at most ${report.maximum} chats each`
  );
  say(`  starts refused (the customer is told to try again): ${list(report.startsRefused)}`);
  say(`  faults injected: ${report.faultsInjected} (${list(report.faultsByKind)})`);
  say(`  endings: ${list(report.outcomes)}`);
  say(
    `  files sent (A1): ${report.attachments.sent}, ${report.attachments.delivered} delivered; refused ${list(report.attachments.refused)}`
  );
  say(
    `  ratings (X1): ${report.ratings.chats} chats rated with ${report.ratings.sent} requests (bad input, seconds and races with the end included), ${report.ratings.accepted} taken; refused ${list(report.ratings.refused)}`
  );
  say(`  per chat, faults and retries included: ${list(report.perChat)}`);
  say(
    'Modelled duration of each operation on Forge (compute here + a round trip per platform request, sandbox/runtime/invocation-durations.ts)'
  );
  for (const d of report.durations)
    say(
      `  ${d.scope.padEnd(44)} ${String(d.count).padStart(7)} calls  p50 ${String(d.p50).padStart(6)} ms  p99 ${String(d.p99).padStart(6)} ms  (${Math.round((d.p99 / d.limitMs) * 1000) / 10} % of its ${d.limitMs / 1000} s limit)`
    );
  say('What held');
  const held = report.breach === null && report.realtimeRefused === 0;
  say(
    `  pages listening with the app's tokens: ${report.pushesReceived} pushes received, ${report.realtimeRefused} refused for want of a right token`
  );
  say(
    `  R5 (no agent above the maximum), R6 (one holder per chat), R14 (assignee and outcome never change): ${report.invariantChecks} checks over ${report.recordsChecked} conversation records${held ? ', all held' : ''}`
  );
  if (held) {
    say(
      '  R14 one outcome per request, R15 one work item per request and none for a refused one, nobody holding anything at the end: held'
    );
    say(
      '  R7, R15, R17 every work item shows what its chat owed it (label, assignee, first reply, one transcript, missed label), nothing left owed: held'
    );
    say('  A1 every delivered file on its work item and in its chat once, none twice: held');
    say(
      '  X1 every rating taken stored once and on its work item once (label, internal comment), each space counting exactly those, refused ones nowhere: held'
    );
  } else {
    say(`BREACH: ${report.breach ?? `${report.realtimeRefused} realtime requests refused for want of the app's token`}`);
    say(`Run it again with: npm run soak -- --chats ${report.chatsStarted} --seed ${report.seed}`);
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exitCode = 1;
});
