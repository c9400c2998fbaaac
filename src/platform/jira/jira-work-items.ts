import { route } from '@forge/api';
import { z } from 'zod';
import type { IssueSnapshot, NewRequest } from '../../app/ports/jira';
import { adfText, paragraphsToAdf } from './adf';
import { jiraJson, jiraSend } from './jira-http';

const CreatedSchema = z.object({
  issueKey: z.string(),
  issueId: z.coerce.string(),
  reporter: z.object({ accountId: z.string(), displayName: z.string().optional() }).optional()
});

const IssueSchema = z.object({
  key: z.string(),
  fields: z
    .object({
      assignee: z.object({ accountId: z.string() }).nullable().optional(),
      labels: z.array(z.string()).optional(),
      description: z.unknown().optional()
    })
    .optional()
});

function snapshot(issue: z.infer<typeof IssueSchema>): IssueSnapshot {
  return {
    key: issue.key,
    assignee: issue.fields?.assignee?.accountId ?? null,
    labels: issue.fields?.labels ?? [],
    descriptionText: adfText(issue.fields?.description)
  };
}

/** The new request's key, and its reporter as JSM answers it (the customer's name comes with it: no lookup needed). */
export async function createRequest(
  request: NewRequest
): Promise<{ issueKey: string; reporter?: { accountId: string; displayName?: string } }> {
  const body = {
    serviceDeskId: request.serviceDeskId,
    requestTypeId: request.requestTypeId,
    isAdfRequest: true,
    requestFieldValues: { summary: request.summary, description: paragraphsToAdf(request.description) },
    ...(request.raiseOnBehalfOf ? { raiseOnBehalfOf: request.raiseOnBehalfOf } : {})
  };
  const created = await jiraJson({ as: 'app', method: 'POST', path: route`/rest/servicedeskapi/request`, body }, CreatedSchema);
  return { issueKey: created.issueKey, ...(created.reporter ? { reporter: created.reporter } : {}) };
}

/** One edit: labels added (never removed) and fields set, e.g. the Team field. */
export async function editIssue(key: string, edit: { addLabels?: readonly string[]; fields?: Record<string, unknown> }): Promise<void> {
  const body = {
    ...(edit.fields && Object.keys(edit.fields).length > 0 ? { fields: edit.fields } : {}),
    ...(edit.addLabels?.length ? { update: { labels: edit.addLabels.map((label) => ({ add: label })) } } : {})
  };
  await jiraSend({ as: 'app', method: 'PUT', path: route`/rest/api/3/issue/${key}`, body });
}

/** R7/R16: `null` unassigns. */
export async function setAssignee(key: string, accountId: string | null): Promise<void> {
  await jiraSend({ as: 'app', method: 'PUT', path: route`/rest/api/3/issue/${key}/assignee`, body: { accountId } });
}

export async function getIssue(key: string): Promise<IssueSnapshot> {
  return snapshot(
    await jiraJson({ as: 'app', method: 'GET', path: route`/rest/api/3/issue/${key}?fields=${'assignee,labels'}` }, IssueSchema)
  );
}

/** The enhanced JQL search, first page only: callers search narrowly. */
export async function searchIssues(jql: string, maxResults = 50): Promise<IssueSnapshot[]> {
  const body = { jql, maxResults, fields: ['assignee', 'labels', 'description'] };
  const answer = await jiraJson(
    { as: 'app', method: 'POST', path: route`/rest/api/3/search/jql`, body },
    z.object({ issues: z.array(IssueSchema) })
  );
  return answer.issues.map(snapshot);
}
