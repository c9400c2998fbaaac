import type { Paragraph } from '../ports/jira';

/**
 * The words the app writes on a chat's work item (R15, R16, R17), as paragraphs for Jira's
 * rich text. Jira limits a summary to 255 characters on one line and a body to 32,767
 * characters of stored ADF; the budgets below leave room for the ADF markup around the text.
 */
export const SUMMARY_MAX_CHARS = 255;
const BODY_BUDGET_CHARS = 24_000;
const DEFAULT_SUMMARY = 'Live chat';

/** The conversation's marker in the description: how an ambiguous creation is found again. */
export function conversationMarker(conversationId: string): string {
  return `Live chat conversation ${conversationId}`;
}

export function workItemSummary(summary: string): string {
  const line = summary.replace(/\s+/g, ' ').trim();
  if (line === '') return DEFAULT_SUMMARY;
  return [...line].length <= SUMMARY_MAX_CHARS ? line : `${[...line].slice(0, SUMMARY_MAX_CHARS - 1).join('')}…`;
}

/** "Customer: ..." lines keep their speaker in bold; the latest part wins when the conversation is too long. */
export function workItemDescription(conversationId: string, context: string): Paragraph[] {
  const lines = context.split(/\r?\n/).filter((line) => line.trim() !== '');
  const kept: Paragraph[] = [];
  let used = 0;
  for (let i = lines.length - 1; i >= 0; i -= 1) {
    used += lines[i].length + 80;
    if (used > BODY_BUDGET_CHARS) {
      kept.unshift({ text: `(${i + 1} earlier lines of the conversation are not shown.)` });
      break;
    }
    kept.unshift(speakerLine(lines[i]));
  }
  const intro: Paragraph = {
    text: kept.length > 0 ? 'The customer asked for a person. The conversation so far:' : 'The customer asked for a person.'
  };
  return [intro, ...kept, { text: conversationMarker(conversationId) }];
}

function speakerLine(line: string): Paragraph {
  const match = /^([A-Za-z][\w .'-]{0,30}):\s+(.*)$/.exec(line);
  return match ? { lead: `${match[1]}:`, text: match[2] } : { text: line };
}

export interface TranscriptLine {
  readonly speaker: string;
  readonly at: number;
  readonly text: string;
}

export function transcriptHeading(conversationId: string): string {
  return `Live chat transcript (conversation ${conversationId})`;
}

/**
 * R17: the whole chat as one internal comment. Past Jira's size limit the beginning and the end
 * are kept and the middle is summarised by count, so the comment is always accepted.
 */
export function transcriptParagraphs(conversationId: string, outcome: string, lines: readonly TranscriptLine[]): Paragraph[] {
  const rendered = lines.map((line) => ({ lead: `[${clock(line.at)}] ${line.speaker}:`, text: line.text }));
  const cost = (p: Paragraph) => (p.lead?.length ?? 0) + p.text.length + 120;
  const head: Paragraph[] = [];
  const tail: Paragraph[] = [];
  let budget = BODY_BUDGET_CHARS;
  let start = 0;
  let end = rendered.length - 1;
  while (start <= end) {
    const fromHead = head.length <= tail.length;
    const next = fromHead ? rendered[start] : rendered[end];
    if (cost(next) > budget) break;
    budget -= cost(next);
    if (fromHead) head.push(rendered[start++]);
    else tail.unshift(rendered[end--]);
  }
  const omitted = end - start + 1;
  const middle: Paragraph[] =
    omitted > 0
      ? [{ text: `(${omitted} messages in the middle are not shown: the transcript is longer than one Jira comment allows.)` }]
      : [];
  return [{ lead: transcriptHeading(conversationId), text: `Outcome: ${outcome}.` }, ...head, ...middle, ...tail];
}

/** Time of day in UTC, e.g. 14:05 UTC. */
function clock(at: number): string {
  return `${new Date(at).toISOString().slice(11, 16)} UTC`;
}
