import type { AiTurn } from '../ports/chat-messages';

/** One turn of the AI conversation, as callers of startChat give it. */
export type TranscriptLine = AiTurn;

/** What the AI part of a chat may hold (it becomes the work item's description; Jira's limit is 32,767). */
export const CONTEXT_MAX_CHARS = 30_000;

const SPEAKER = { customer: 'Customer', ai: 'AI' } as const;

/**
 * The newest turns that fit: they are what the agent needs, so when the AI conversation is
 * too long its oldest turns are left out.
 */
export function fittingTurns(transcript: readonly AiTurn[]): AiTurn[] {
  const kept: AiTurn[] = [];
  let length = 0;
  for (let i = transcript.length - 1; i >= 0; i--) {
    length += transcript[i].text.length + 10;
    if (length > CONTEXT_MAX_CHARS) break;
    kept.unshift(transcript[i]);
  }
  return kept;
}

/** R15: the AI conversation as plain text lines ("Customer: ...", "AI: ..."). */
export function contextText(turns: readonly AiTurn[]): string {
  return turns.map((turn) => `${SPEAKER[turn.from]}: ${turn.text}`).join('\n');
}

const SUMMARY_MAX_CHARS = 120;

/** Without the AI's summary, the customer's last words stand for the need (R15's summary). */
export function defaultSummary(transcript: readonly AiTurn[]): string {
  const last = [...transcript]
    .reverse()
    .find((turn) => turn.from === 'customer')
    ?.text.replace(/\s+/g, ' ')
    .trim();
  if (!last) return 'Live chat request';
  return last.length <= SUMMARY_MAX_CHARS ? last : `${last.slice(0, SUMMARY_MAX_CHARS - 1)}…`;
}
