import type { JiraClient } from '../ports/jira';
import { readTranscript } from '../chat/read-transcript';
import type { ChatMessage } from '../ports/chat-messages';
import type { AppDeps } from '../app-deps';
import { runOnce, type RunOnceDeps } from './run-once';
import type { StepOutcome } from '../ports/work-items';
import { transcriptHeading, transcriptParagraphs, type TranscriptLine } from './work-item-text';

/** R15: the label a missed chat's work item gets besides the default one. */
export const MISSED_LABEL = 'live-chat-missed';

const OUTCOME_TEXT = {
  resolved: 'resolved',
  missed: 'missed (no agent took the chat; the customer saw the fallback message)',
  expired: 'ended without a reply from the agent (the customer saw the fallback message)'
} as const;

export type CloseOutDeps = RunOnceDeps & { readonly jira: JiraClient } & Pick<AppDeps, 'routing' | 'messages'>;

/**
 * R17: when a chat ends, the whole transcript becomes one internal comment on its work item;
 * R15: a missed chat is labelled `live-chat-missed`. Labelling twice changes nothing; the
 * comment is written once (run-once.ts) and looked for by its heading before it is written.
 */
export async function closeOutWorkItem(
  deps: CloseOutDeps,
  job: { conversationId: string; workItemKey: string; outcome: 'resolved' | 'missed' | 'expired' }
): Promise<StepOutcome> {
  if (job.outcome === 'missed') await deps.jira.editIssue(job.workItemKey, { addLabels: [MISSED_LABEL] });
  return runOnce(deps, job.conversationId, 'transcript', () => postTranscript(deps, job, true));
}

/**
 * The close-out a routing decision owes (owed-steps.ts: whoever runs it holds its claim, so no
 * lease is written here). `first`: right after the chat ended, in the invocation that ended it:
 * nobody can have written the comment yet, so Jira is not asked first. `again`: an earlier
 * attempt may have written it before its answer was lost, so it is looked for first.
 */
export async function closeOutOwed(
  deps: Omit<CloseOutDeps, keyof RunOnceDeps>,
  job: { conversationId: string; workItemKey: string; outcome: 'resolved' | 'missed' | 'expired' },
  attempt: 'first' | 'again'
): Promise<void> {
  if (job.outcome === 'missed') await deps.jira.editIssue(job.workItemKey, { addLabels: [MISSED_LABEL] });
  await postTranscript(deps, job, attempt === 'again');
}

async function postTranscript(
  deps: Omit<CloseOutDeps, keyof RunOnceDeps>,
  job: { conversationId: string; workItemKey: string; outcome: 'resolved' | 'missed' | 'expired' },
  lookFirst: boolean
): Promise<void> {
  if (lookFirst) {
    const heading = transcriptHeading(job.conversationId);
    const recent = await deps.jira.recentComments(job.workItemKey, 50);
    if (recent.some((comment) => comment.text.includes(heading))) return;
  }
  const transcript = await readTranscript(deps, job.conversationId);
  const messages = transcript?.messages ?? [];
  const names = await participantNames(deps, messages, transcript?.conversation.assignee ?? null);
  const lines: TranscriptLine[] = messages.map((message) => ({
    at: message.at,
    text: message.text,
    speaker:
      message.from === 'customer'
        ? (transcript?.customerName ?? 'Customer')
        : message.from === 'agent'
          ? ((message.authorId && names.get(message.authorId)) ?? transcript?.agentName ?? 'Agent')
          : message.from === 'ai'
            ? 'AI assistant'
            : 'Live chat'
  }));
  await deps.jira.addInternalComment(job.workItemKey, transcriptParagraphs(job.conversationId, OUTCOME_TEXT[job.outcome], lines));
}

/** Invited agents (R18) who wrote, by name; the assignee's name comes with the transcript. */
async function participantNames(
  deps: Omit<CloseOutDeps, keyof RunOnceDeps>,
  messages: readonly ChatMessage[],
  assignee: string | null
): Promise<Map<string, string>> {
  const others = [...new Set(messages.map((m) => m.authorId).filter((id): id is string => id !== null && id !== assignee))];
  const names = new Map<string, string>();
  for (const id of others) names.set(id, (await deps.jira.displayName(id)) ?? 'Agent');
  return names;
}
