import type { Cost } from './usage';

/** A plain-text table, columns padded, numbers right-aligned. */
export function table(headers: readonly string[], rows: readonly (readonly (string | number)[])[]): string {
  const cells = [headers, ...rows].map((row) => row.map((cell) => (typeof cell === 'number' ? formatNumber(cell) : cell)));
  const widths = headers.map((_, i) => Math.max(...cells.map((row) => (row[i] ?? '').length)));
  const line = (row: readonly string[], numeric: boolean[]) =>
    row.map((cell, i) => (numeric[i] ? cell.padStart(widths[i]) : cell.padEnd(widths[i]))).join('  ');
  const numeric = headers.map((_, i) => rows.every((row) => typeof row[i] === 'number'));
  return [line(cells[0], numeric), widths.map((w) => '-'.repeat(w)).join('  '), ...cells.slice(1).map((row) => line(row, numeric))].join(
    '\n'
  );
}

export function formatNumber(value: number): string {
  if (!Number.isFinite(value)) return '∞';
  if (Number.isInteger(value)) return value.toLocaleString('en-US');
  return value.toLocaleString('en-US', { maximumFractionDigits: value < 10 ? 2 : 1 });
}

export const COST_HEADERS = [
  'invocations',
  'compute ms',
  'KVS reads',
  'read KB',
  'KVS writes',
  'written KB',
  'queue events',
  'realtime ops',
  'Jira requests',
  'log lines'
];

export function costCells(cost: Cost): number[] {
  return [
    cost.invocations.total,
    round(cost.computeMs, 1),
    cost.kvsReads,
    round(cost.kvsReadBytes / 1024, 1),
    cost.kvsWrites,
    round(cost.kvsWriteBytes / 1024, 1),
    cost.queueEvents,
    cost.realtimeOps,
    cost.jiraRequests,
    cost.logLines
  ];
}

export function round(value: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}

export function heading(text: string): string {
  return `\n${text}\n${'='.repeat(text.length)}`;
}
