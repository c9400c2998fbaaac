import { decideAssignee, guardsAssignee } from '../../domain';
import type { JiraClient } from '../ports/jira';
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
 * R16, as the domain decides it (routing-assignee.ts): this loads the chat and the assignee Jira
 * shows, and writes what the decision says. Jira is read after the change, so the app's own
 * edits and redeliveries find routing's assignee there and change nothing; the note is written
 * once per Jira change (run-once.ts), before the assignee is set back.
 */
export async function restoreAssignee(deps: RestoreAssigneeDeps, change: AssigneeChange): Promise<StepOutcome> {
  const found = await findConversationByWorkItem(deps, change.workItemKey);
  if (!found) return change.firstLook ? { done: false, retryAfterSeconds: LOOK_AGAIN_SECONDS, reason: 'chat not found yet' } : DONE;
  if (!guardsAssignee(found.conversation)) return DONE;
  const decision = decideAssignee(found.conversation, (await deps.jira.getIssue(change.workItemKey)).assignee);
  if (decision.type === 'leave') return DONE;

  const noted = await runOnce(deps, found.conversation.id, `restore:${change.changelogId}`, async () => {
    const note = await noteText(deps, change, decision.replaced, decision.assignee);
    await deps.jira.addInternalComment(change.workItemKey, [{ lead: 'Live chat:', text: note }]);
  });
  if (!noted.done) return noted;
  await deps.jira.setAssignee(change.workItemKey, decision.assignee);
  return DONE;
}

async function noteText(
  deps: RestoreAssigneeDeps,
  change: AssigneeChange,
  current: string | null,
  routingAssignee: string | null
): Promise<string> {
  const name = async (accountId: string | null, none: string) =>
    accountId ? ((await deps.jira.displayName(accountId)) ?? accountId) : none;
  const by = change.changedBy ? ` by ${await name(change.changedBy, '')}` : '';
  const to = await name(current, 'nobody');
  const back = await name(routingAssignee, 'unassigned (no agent has accepted the chat yet)');
  return (
    `the assignee was changed to ${to}${by} while the chat was running. Only live chat routing assigns chat work items, ` +
    `so the assignee was set back to ${back} (change ${change.changelogId}).`
  );
}
