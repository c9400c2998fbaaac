import { isEnded } from '../../domain';
import type { JiraClient } from '../../platform/jira';
import { findConversationByWorkItem } from '../chat/find-conversation';
import type { AppDeps } from '../app-deps';
import { runOnce, type RunOnceDeps } from './run-once';
import { DONE, type StepOutcome } from '../ports/work-items';

export type RestoreAssigneeDeps = RunOnceDeps & { readonly jira: JiraClient } & Pick<AppDeps, 'routing'>;

export interface AssigneeChange {
  readonly workItemKey: string;
  /** Jira's changelog id of the edit: names the event in the note, so a retry writes no second note. */
  readonly changelogId: string;
  /** Who made the edit (an account id), when Jira says. */
  readonly changedBy: string | null;
  /** The trigger's own look, the moment the change happened (the queued job's is later). */
  readonly firstLook?: boolean;
}

/**
 * Entity queries are eventually consistent: a chat started seconds ago may not be found by its
 * work item yet. A chat work item whose chat is not found at the first look is looked at once
 * more this much later (one queue event, only then); not found then, it is no running chat's.
 */
export const LOOK_AGAIN_SECONDS = 15;

/**
 * R16: only routing assigns a chat's work item. While the chat runs, an assignee set by anyone
 * else (an Automation rule, a queue edit) is put back to routing's assignee (nobody before an
 * agent accepted), and an internal note on the work item says what happened. Jira is read
 * first, so the app's own edits (the assignee already is routing's) and redeliveries change
 * nothing; the note is written once per Jira change (run-once.ts), before the assignee is set back.
 */
export async function restoreAssignee(deps: RestoreAssigneeDeps, change: AssigneeChange): Promise<StepOutcome> {
  const found = await findConversationByWorkItem(deps, change.workItemKey);
  if (!found) return change.firstLook ? { done: false, retryAfterSeconds: LOOK_AGAIN_SECONDS, reason: 'chat not found yet' } : DONE;
  if (isEnded(found.conversation)) return DONE;
  const routingAssignee = found.conversation.assignee;
  const current = (await deps.jira.getIssue(change.workItemKey)).assignee;
  if (current === routingAssignee) return DONE;

  const noted = await runOnce(deps, found.conversation.id, `restore:${change.changelogId}`, async () => {
    const note = await noteText(deps, change, current, routingAssignee);
    await deps.jira.addInternalComment(change.workItemKey, [{ lead: 'Live chat:', text: note }]);
  });
  if (!noted.done) return noted;
  await deps.jira.setAssignee(change.workItemKey, routingAssignee);
  return DONE;
}

async function noteText(deps: RestoreAssigneeDeps, change: AssigneeChange, current: string | null, routingAssignee: string | null): Promise<string> {
  const name = async (accountId: string | null, none: string) => (accountId ? ((await deps.jira.displayName(accountId)) ?? accountId) : none);
  const by = change.changedBy ? ` by ${await name(change.changedBy, '')}` : '';
  const to = await name(current, 'nobody');
  const back = await name(routingAssignee, 'unassigned (no agent has accepted the chat yet)');
  return (
    `the assignee was changed to ${to}${by} while the chat was running. Only live chat routing assigns chat work items, ` +
    `so the assignee was set back to ${back} (change ${change.changelogId}).`
  );
}
