import { z } from 'zod';
import { DEFAULT_LABEL } from '../domain';
import { restoreAssignee } from '../app/work-items/restore-assignee';
import { composeApp } from '../composition';
import { isJiraError } from '../app/ports/jira-error';

const event = z.object({
  atlassianId: z.string().optional(),
  issue: z.object({ key: z.string().min(1), fields: z.object({ labels: z.array(z.string()).optional() }).optional() }),
  changelog: z
    .object({ id: z.coerce.string(), items: z.array(z.object({ fieldId: z.string().optional(), field: z.string().optional() })) })
    .optional()
});

/**
 * `avi:jira:updated:issue` (R16). Only assignee changes of chat work items (they carry the
 * default label, R15) matter; anything else returns at once, without a read. A busy Jira
 * hands the work to the `work-item-jobs` queue, which retries it.
 */
export async function onWorkItemUpdated(payload: unknown): Promise<void> {
  const parsed = event.safeParse(payload);
  if (!parsed.success) return;
  const { issue, changelog, atlassianId } = parsed.data;
  const assigneeChanged = changelog?.items.some((item) => item.fieldId === 'assignee' || item.field === 'assignee') ?? false;
  if (!assigneeChanged || !(issue.fields?.labels ?? []).includes(DEFAULT_LABEL)) return;
  const deps = composeApp();
  const change = { workItemKey: issue.key, changelogId: changelog?.id ?? '', changedBy: atlassianId ?? null };
  try {
    const outcome = await restoreAssignee(deps, { ...change, firstLook: true });
    if (!outcome.done) await deps.workItemJobs.push({ kind: 'restoreAssignee', ...change }, outcome.retryAfterSeconds);
  } catch (error) {
    if (!isJiraError(error)) throw error;
    if (!error.retryable) {
      deps.log('restore-assignee-dropped', { workItemKey: issue.key, status: error.status, message: error.message });
      return;
    }
    await deps.workItemJobs.push({ kind: 'restoreAssignee', ...change }, error.retryAfterSeconds);
  }
}
