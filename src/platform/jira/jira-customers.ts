import { route } from '@forge/api';
import { z } from 'zod';
import type { JiraCaller, UserProfile, WorkItemLine } from '../../app/ports/jira';
import { JiraError } from '../../app/ports/jira-error';
import { jiraJson } from './jira-http';

/**
 * CC1: Jira's `User`. "The email address of the user. Depending on the user's privacy settings,
 * this may be returned as null" (Jira's REST reference); profile visibility hides a field from
 * apps as from people. So the address is whatever Jira answers the caller: absent or null is none.
 */
const UserSchema = z.object({
  accountId: z.string(),
  displayName: z.string().optional(),
  emailAddress: z.string().nullable().optional()
});

export async function userProfile(accountId: string, as: JiraCaller): Promise<UserProfile | null> {
  try {
    const user = await jiraJson({ as, method: 'GET', path: route`/rest/api/3/user?accountId=${accountId}` }, UserSchema);
    return { accountId: user.accountId, displayName: user.displayName ?? '', emailAddress: user.emailAddress || null };
  } catch (error) {
    if (error instanceof JiraError && (error.status === 404 || error.status === 403)) return null;
    throw error;
  }
}

const SearchSchema = z.object({
  issues: z.array(
    z.object({
      key: z.string(),
      fields: z.object({ summary: z.string().optional(), status: z.object({ name: z.string() }).optional() }).optional()
    })
  )
});

/** CC2: `/search/jql` (the enhanced search; `/search` is gone), only the fields a line shows. */
export async function searchWorkItems(jql: string, maxResults: number, as: JiraCaller): Promise<WorkItemLine[]> {
  const body = { jql, maxResults, fields: ['summary', 'status'] };
  const answer = await jiraJson({ as, method: 'POST', path: route`/rest/api/3/search/jql`, body }, SearchSchema);
  return answer.issues.map((issue) => ({ key: issue.key, summary: issue.fields?.summary ?? '', status: issue.fields?.status?.name ?? '' }));
}
