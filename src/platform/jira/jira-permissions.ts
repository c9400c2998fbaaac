import { route } from '@forge/api';
import { z } from 'zod';
import { JiraError } from '../../app/ports/jira-error';
import { jiraJson } from './jira-http';

const Answer = z.object({
  permissions: z.record(z.string(), z.object({ havePermission: z.boolean().optional() }))
});

/**
 * R28: what the invocation's own user may do, asked AS that user (`asUser()`,
 * `GET /rest/api/3/mypermissions`, which needs no permission). The app's account cannot ask
 * about anyone else: `permissions/check` for another account and `user/permission/search` take
 * Administer Jira (or Administer Projects), which no scope gives a Forge app. With `projectKey`
 * project permissions are the space's; without one, a project permission is held when it is
 * held in any project. Jira answers 404 for a space the user cannot see: null (they hold no
 * project permission there; global ones are asked without a project). 401 when the invocation
 * has no user: nothing is held.
 */
export async function myPermissions(keys: readonly string[], projectKey?: string): Promise<ReadonlySet<string> | null> {
  const permissions = keys.join(',');
  const path =
    projectKey === undefined
      ? route`/rest/api/3/mypermissions?permissions=${permissions}`
      : route`/rest/api/3/mypermissions?permissions=${permissions}&projectKey=${projectKey}`;
  try {
    const answer = await jiraJson({ as: 'user', method: 'GET', path }, Answer);
    return new Set(
      Object.entries(answer.permissions)
        .filter(([, p]) => p.havePermission === true)
        .map(([key]) => key)
    );
  } catch (error) {
    if (error instanceof JiraError && error.status === 404 && projectKey !== undefined) return null;
    if (error instanceof JiraError && error.status === 401) return new Set();
    throw error;
  }
}
