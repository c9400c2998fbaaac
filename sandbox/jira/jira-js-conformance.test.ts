/**
 * The fake against jira.js's schemas, route by route: every answer parses with jira.js's closed
 * schema for it (answer-schemas.ts), and every body that does not match jira.js's schema for the
 * operation is refused with Jira's 400, changing nothing.
 */
import { assumeTrustedRoute, type RequestInit as ForgeRequestInit } from '@forge/api';
import { z } from 'zod';
import * as A from './answer-schemas';
import { adf, jsonBody, siteHarness } from './site-harness';
import { ALL_ROUTES } from './routes/all-routes';

type Method = 'GET' | 'POST' | 'PUT';

interface Case {
  method: Method;
  template: string;
  path: string;
  body?: unknown;
  status: number;
  /** The answer's schema; undefined for an empty (204) answer. */
  answer?: z.ZodType;
  /** Who calls: the app unless named (checking other users' permissions takes a Jira admin). */
  as?: string;
  /** A body that is not JSON (a multipart upload), sent as `requestJira` takes it: bytes. */
  init?: () => Promise<ForgeRequestInit>;
}

/** A multipart upload as the app sends one (src/platform/jira/jira-http.ts): the form's bytes. */
async function multipartInit(): Promise<ForgeRequestInit> {
  const form = new FormData();
  form.append('file', new Blob([Buffer.from('%PDF-1.7\n')], { type: 'application/pdf' }), 'guide.pdf');
  const encoded = new Response(form);
  const headers = { 'Content-Type': encoded.headers.get('content-type') ?? '', 'X-Atlassian-Token': 'no-check' };
  return { method: 'POST', headers, body: await encoded.arrayBuffer() };
}

const KEY = 'SUP-1';

const CASES: Case[] = [
  {
    method: 'GET',
    template: '/rest/api/3/issue/{issueIdOrKey}',
    path: `/rest/api/3/issue/${KEY}?expand=changelog,names`,
    status: 200,
    answer: A.Issue
  },
  {
    method: 'PUT',
    template: '/rest/api/3/issue/{issueIdOrKey}',
    path: `/rest/api/3/issue/${KEY}`,
    body: { fields: { labels: ['live-chat'] } },
    status: 204
  },
  {
    method: 'PUT',
    template: '/rest/api/3/issue/{issueIdOrKey}/assignee',
    path: `/rest/api/3/issue/${KEY}/assignee`,
    body: { accountId: 'agent-ben' },
    status: 204
  },
  {
    method: 'POST',
    template: '/rest/api/3/issue/{issueIdOrKey}/comment',
    path: `/rest/api/3/issue/${KEY}/comment`,
    body: { body: adf('Noted.') },
    status: 201,
    answer: A.Comment
  },
  {
    method: 'POST',
    template: '/rest/api/3/issue/{issueIdOrKey}/attachments',
    path: `/rest/api/3/issue/${KEY}/attachments`,
    init: multipartInit,
    status: 200,
    answer: A.Attachments
  },
  {
    method: 'GET',
    template: '/rest/api/3/attachment/meta',
    path: '/rest/api/3/attachment/meta',
    status: 200,
    answer: A.AttachmentSettings
  },
  {
    method: 'GET',
    template: '/rest/api/3/issue/{issueIdOrKey}/comment',
    path: `/rest/api/3/issue/${KEY}/comment`,
    status: 200,
    answer: A.PageOfComments
  },
  {
    method: 'POST',
    template: '/rest/api/3/permissions/check',
    path: '/rest/api/3/permissions/check',
    body: {
      accountId: 'agent-ana',
      projectPermissions: [{ permissions: ['SERVICEDESK_AGENT'], projects: [10001] }],
      globalPermissions: ['ADMINISTER']
    },
    status: 200,
    answer: A.BulkPermissionGrants,
    as: 'admin'
  },
  {
    method: 'GET',
    template: '/rest/api/3/mypermissions',
    path: '/rest/api/3/mypermissions?projectKey=SUP&permissions=ADMINISTER,ADMINISTER_PROJECTS',
    status: 200,
    answer: A.Permissions
  },
  {
    method: 'GET',
    template: '/rest/api/3/user/permission/search',
    path: '/rest/api/3/user/permission/search?permissions=SERVICEDESK_AGENT&projectKey=SUP&query=',
    status: 200,
    answer: z.array(A.User),
    as: 'admin-sup'
  },
  {
    method: 'GET',
    template: '/rest/api/3/user/assignable/search',
    path: '/rest/api/3/user/assignable/search?project=SUP',
    status: 200,
    answer: z.array(A.User)
  },
  { method: 'GET', template: '/rest/api/3/user', path: '/rest/api/3/user?accountId=agent-ana', status: 200, answer: A.User },
  { method: 'GET', template: '/rest/api/3/myself', path: '/rest/api/3/myself', status: 200, answer: A.User },
  {
    method: 'GET',
    template: '/rest/api/3/user/bulk',
    path: '/rest/api/3/user/bulk?accountId=agent-ana&accountId=customer-dana',
    status: 200,
    answer: A.PageBeanUser
  },
  {
    method: 'GET',
    template: '/rest/api/3/user/groups',
    path: '/rest/api/3/user/groups?accountId=admin',
    status: 200,
    answer: z.array(A.GroupName)
  },
  { method: 'GET', template: '/rest/api/3/project/{projectIdOrKey}', path: '/rest/api/3/project/SUP', status: 200, answer: A.Project },
  {
    method: 'GET',
    template: '/rest/api/3/project/search',
    path: '/rest/api/3/project/search?maxResults=1',
    status: 200,
    answer: A.PageBeanProject
  },
  { method: 'GET', template: '/rest/api/3/field', path: '/rest/api/3/field', status: 200, answer: z.array(A.FieldDetails) },
  {
    method: 'GET',
    template: '/rest/api/3/search/jql',
    path: '/rest/api/3/search/jql?jql=project%20%3D%20SUP&fields=*all&expand=changelog',
    status: 200,
    answer: A.SearchAndReconcileResults
  },
  {
    method: 'POST',
    template: '/rest/api/3/search/jql',
    path: '/rest/api/3/search/jql',
    body: { jql: 'project = SUP', fields: ['*navigable'], maxResults: 1 },
    status: 200,
    answer: A.SearchAndReconcileResults
  },
  {
    method: 'GET',
    template: '/rest/api/3/search',
    path: '/rest/api/3/search?jql=project%20%3D%20SUP',
    status: 410,
    answer: A.ErrorCollection
  },
  {
    method: 'POST',
    template: '/rest/api/3/search',
    path: '/rest/api/3/search',
    body: { jql: 'project = SUP' },
    status: 410,
    answer: A.ErrorCollection
  },
  {
    method: 'GET',
    template: '/rest/servicedeskapi/servicedesk',
    path: '/rest/servicedeskapi/servicedesk?limit=1',
    status: 200,
    answer: A.PagedServiceDesk
  },
  {
    method: 'GET',
    template: '/rest/servicedeskapi/servicedesk/{serviceDeskId}',
    path: '/rest/servicedeskapi/servicedesk/2',
    status: 200,
    answer: A.ServiceDesk
  },
  {
    method: 'GET',
    template: '/rest/servicedeskapi/servicedesk/{serviceDeskId}/requesttype',
    path: '/rest/servicedeskapi/servicedesk/2/requesttype',
    status: 200,
    answer: A.PagedRequestType
  },
  {
    method: 'POST',
    template: '/rest/servicedeskapi/request',
    path: '/rest/servicedeskapi/request',
    body: { serviceDeskId: '2', requestTypeId: '10', requestFieldValues: { summary: 'Another chat' }, raiseOnBehalfOf: 'customer-eli' },
    status: 201,
    answer: A.CustomerRequest
  },
  {
    method: 'GET',
    template: '/rest/servicedeskapi/request/{issueIdOrKey}',
    path: `/rest/servicedeskapi/request/${KEY}`,
    status: 200,
    answer: A.CustomerRequest
  },
  {
    method: 'POST',
    template: '/rest/servicedeskapi/request/{issueIdOrKey}/comment',
    path: `/rest/servicedeskapi/request/${KEY}/comment`,
    body: { body: 'Internal note', public: false },
    status: 201,
    answer: A.RequestComment
  },
  {
    method: 'GET',
    template: '/rest/servicedeskapi/request/{issueIdOrKey}/comment',
    path: `/rest/servicedeskapi/request/${KEY}/comment`,
    status: 200,
    answer: A.PagedRequestComment
  },
  {
    method: 'POST',
    template: '/rest/servicedeskapi/request/{issueIdOrKey}/participant',
    path: `/rest/servicedeskapi/request/${KEY}/participant`,
    body: { accountIds: ['agent-chen'] },
    status: 200,
    answer: A.PagedUser
  },
  {
    method: 'GET',
    template: '/rest/servicedeskapi/request/{issueIdOrKey}/participant',
    path: `/rest/servicedeskapi/request/${KEY}/participant`,
    status: 200,
    answer: A.PagedUser
  }
];

/** A body of the wrong shape for each operation that takes one, by jira.js's schema for it. */
const MISMATCHES: Array<{ method: Method; path: string; body: unknown; error: z.ZodType }> = [
  { method: 'PUT', path: `/rest/api/3/issue/${KEY}`, body: { fields: ['summary'] }, error: A.ErrorCollection },
  { method: 'PUT', path: `/rest/api/3/issue/${KEY}`, body: { update: { labels: [{ append: 'x' }] } }, error: A.ErrorCollection },
  { method: 'PUT', path: `/rest/api/3/issue/${KEY}/assignee`, body: { accountId: 42 }, error: A.ErrorCollection },
  { method: 'PUT', path: `/rest/api/3/issue/${KEY}/assignee`, body: { accountId: 'agent-ben', team: 'x' }, error: A.ErrorCollection },
  { method: 'POST', path: `/rest/api/3/issue/${KEY}/comment`, body: { body: 42 }, error: A.ErrorCollection },
  {
    method: 'POST',
    path: '/rest/api/3/permissions/check',
    body: { projectPermissions: [{ permissions: ['BROWSE_PROJECTS'], project: [10001] }] },
    error: A.ErrorCollection
  },
  { method: 'POST', path: '/rest/api/3/search/jql', body: { jql: 'project = SUP', maxResults: '10' }, error: A.ErrorCollection },
  {
    method: 'POST',
    path: '/rest/servicedeskapi/request',
    body: { serviceDeskId: 2, requestTypeId: '10', requestFieldValues: { summary: 'x' } },
    error: A.ServiceDeskError
  },
  { method: 'POST', path: `/rest/servicedeskapi/request/${KEY}/comment`, body: { body: 'x', internal: true }, error: A.ServiceDeskError },
  { method: 'POST', path: `/rest/servicedeskapi/request/${KEY}/participant`, body: { accountIds: 'agent-chen' }, error: A.ServiceDeskError }
];

async function siteWithAChat() {
  const h = siteHarness();
  const created = await h.asApp(
    assumeTrustedRoute('/rest/servicedeskapi/request'),
    jsonBody('POST', {
      serviceDeskId: '2',
      requestTypeId: '10',
      requestFieldValues: { summary: 'Printer on fire', description: 'Smoke.' },
      raiseOnBehalfOf: 'customer-dana'
    })
  );
  expect(created.status).toBe(201);
  await h.asApp(
    assumeTrustedRoute(`/rest/api/3/issue/${KEY}`),
    jsonBody('PUT', { fields: { customfield_10001: '0d3d8c8e-5f2a-4b6e-9a43-1c2b7f0e5a11', assignee: { accountId: 'agent-ana' } } })
  );
  await h.asApp(assumeTrustedRoute(`/rest/servicedeskapi/request/${KEY}/participant`), jsonBody('POST', { accountIds: ['customer-eli'] }));
  return h;
}

const call = async (
  h: ReturnType<typeof siteHarness>,
  c: { method: Method; path: string; body?: unknown; as?: string; init?: Case['init'] }
) => {
  const init = c.init ? await c.init() : c.body === undefined ? { method: c.method } : jsonBody(c.method as 'POST' | 'PUT', c.body);
  return c.as ? h.asUser(c.as, assumeTrustedRoute(c.path), init) : h.asApp(assumeTrustedRoute(c.path), init);
};

describe("the fake's answers parse with jira.js's schemas", () => {
  it('covers every route the fake serves', () => {
    const served = ALL_ROUTES.map((r) => `${r.method} ${r.template}`).sort();
    expect([...new Set(CASES.map((c) => `${c.method} ${c.template}`))].sort()).toEqual(served);
  });

  it.each(CASES.map((c) => [`${c.method} ${c.path}`, c] as const))('%s', async (_name, c) => {
    const h = await siteWithAChat();
    const response = await call(h, c);
    expect(response.status).toBe(c.status);
    if (c.answer) c.answer.parse(await response.json());
    else expect(await response.text()).toBe('');
  });

  it("parses Jira's error answers in both API families", async () => {
    const h = await siteWithAChat();
    A.ErrorCollection.parse(await (await call(h, { method: 'GET', path: '/rest/api/3/issue/SUP-99' })).json());
    A.ServiceDeskError.parse(await (await call(h, { method: 'GET', path: '/rest/servicedeskapi/request/SUP-99' })).json());
  });
});

describe("bodies that do not match jira.js's schema for the operation", () => {
  it.each(MISMATCHES.map((m) => [`${m.method} ${m.path} ${JSON.stringify(m.body)}`, m] as const))(
    'refuses %s with 400',
    async (_name, m) => {
      const h = await siteWithAChat();
      const before = h.site.getIssue(KEY);
      const response = await call(h, m);
      expect(response.status).toBe(400);
      const error = m.error.parse(await response.json());
      // Refused by the shape check, not by a later rule.
      expect(JSON.stringify(error)).toMatch(/Invalid request payload|Unrecognized field/);
      expect(h.site.getIssue(KEY)).toEqual(before);
      expect(h.site.listIssues()).toHaveLength(1);
    }
  );
});
