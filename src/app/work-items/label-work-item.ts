import type { JiraClient } from '../ports/jira';
import type { StoredSpace } from '../ports/space-store';
import { DONE, type StepOutcome } from '../ports/work-items';
import { loadSpace, type LoadSpaceDeps } from '../spaces/load-space';

/**
 * R15's second step: JSM creates a request with its form's fields only, so the default label
 * and the space's Team are set by one edit right after. Adding a label twice and setting the
 * same team again change nothing, so the step can be retried freely.
 */
export async function labelWorkItem(
  deps: { jira: JiraClient },
  space: StoredSpace,
  workItemKey: string,
  extraLabels: readonly string[] = []
): Promise<void> {
  const teamId = space.settings.teamId;
  const teamFieldId = teamId === null ? null : (space.teamFieldId ?? (await deps.jira.teamFieldId()));
  await deps.jira.editIssue(workItemKey, {
    addLabels: [space.settings.defaultLabel, ...extraLabels],
    fields: teamId !== null && teamFieldId ? { [teamFieldId]: teamId } : {}
  });
}

/** The same step later (a job, an owed step), by the space's key: a space gone since has nothing to label. */
export async function labelWorkItemOfSpace(
  deps: { jira: JiraClient } & LoadSpaceDeps,
  projectKey: string,
  workItemKey: string
): Promise<StepOutcome> {
  const space = await loadSpace(deps, projectKey);
  if (space) await labelWorkItem(deps, space, workItemKey);
  return DONE;
}
