import { route } from '@forge/api';
import { z } from 'zod';
import { JiraError } from './jira-error';
import { jiraJson } from './jira-http';

/** What Jira grants one account: global permission keys, and per project permission the project ids. */
export interface Granted {
  readonly global: readonly string[];
  readonly projects: ReadonlyMap<string, readonly string[]>;
}

const Answer = z.object({
  globalPermissions: z.array(z.string()).optional(),
  projectPermissions: z.array(z.object({ permission: z.string(), projects: z.array(z.coerce.string()).optional() })).optional()
});

/**
 * R28: asks Jira, as the app (which holds Administer Jira), what `accountId` may do:
 * `POST /rest/api/3/permissions/check`. An account Jira does not know holds nothing.
 */
export async function checkPermissions(
  accountId: string,
  ask: { global?: readonly string[]; project?: { permissions: readonly string[]; projectIds: readonly string[] } }
): Promise<Granted> {
  const body = {
    accountId,
    ...(ask.global?.length ? { globalPermissions: ask.global } : {}),
    ...(ask.project && ask.project.projectIds.length > 0
      ? { projectPermissions: [{ permissions: ask.project.permissions, projects: ask.project.projectIds.map(Number) }] }
      : {})
  };
  try {
    const answer = await jiraJson({ as: 'app', method: 'POST', path: route`/rest/api/3/permissions/check`, body }, Answer);
    const projects = new Map<string, string[]>();
    for (const entry of answer.projectPermissions ?? []) projects.set(entry.permission, [...(projects.get(entry.permission) ?? []), ...(entry.projects ?? [])]);
    return { global: answer.globalPermissions ?? [], projects };
  } catch (error) {
    // Jira answers 400 for an account id it does not know: such a caller holds nothing.
    if (error instanceof JiraError && error.status === 400) return { global: [], projects: new Map() };
    throw error;
  }
}
