import { route } from '@forge/api';
import { ErrorCollection, SearchAndReconcileResults } from './answer-schemas';
import { jsonBody, parsed, siteHarness } from './site-harness';

async function siteWithChats(count: number) {
  const h = siteHarness();
  for (let i = 1; i <= count; i++) {
    await h.asApp(
      route`/rest/servicedeskapi/request`,
      jsonBody('POST', {
        serviceDeskId: '2',
        requestTypeId: '10',
        raiseOnBehalfOf: 'customer-dana',
        requestFieldValues: { summary: `Chat ${i}` }
      })
    );
    await h.asApp(route`/rest/api/3/issue/SUP-${String(i)}`, jsonBody('PUT', { update: { labels: [{ add: 'live-chat' }] } }));
    await h.clock.advance(60_000);
  }
  return h;
}

const search = (h: ReturnType<typeof siteHarness>, body: Record<string, unknown>, as?: string) =>
  as ? h.asUser(as, route`/rest/api/3/search/jql`, jsonBody('POST', body)) : h.asApp(route`/rest/api/3/search/jql`, jsonBody('POST', body));

describe('POST /rest/api/3/search/jql', () => {
  it('pages with nextPageToken, and the last page has no token', async () => {
    const h = await siteWithChats(5);
    const jql = 'project = SUP AND labels = live-chat ORDER BY created ASC';
    const first = await parsed(await search(h, { jql, maxResults: 2, fields: ['summary'] }), SearchAndReconcileResults);
    expect(first.issues.map((i) => i.fields.summary)).toEqual(['Chat 1', 'Chat 2']);
    expect(first.isLast).toBe(false);
    const second = await parsed(
      await search(h, { jql, maxResults: 2, fields: ['summary'], nextPageToken: first.nextPageToken }),
      SearchAndReconcileResults
    );
    const third = await parsed(
      await search(h, { jql, maxResults: 2, fields: ['summary'], nextPageToken: second.nextPageToken }),
      SearchAndReconcileResults
    );
    expect(third.issues.map((i) => i.fields.summary)).toEqual(['Chat 5']);
    expect(third).not.toHaveProperty('nextPageToken');
    expect(third.isLast).toBe(true);
  });

  it('answers ids only unless fields are asked for', async () => {
    const h = await siteWithChats(1);
    const result = await parsed(await search(h, { jql: 'project = SUP' }), SearchAndReconcileResults);
    expect(result.issues[0].fields).toEqual({});
  });

  it('filters by status category, assignee and key, and sorts newest first by default', async () => {
    const h = await siteWithChats(3);
    h.site.editIssueAsAutomation('SUP-2', { assignee: 'agent-ana' });
    h.site.editIssueAsAutomation('SUP-3', { statusId: '10003' });
    const keys = async (jql: string, as?: string) =>
      (await parsed(await search(h, { jql, fields: ['key'] }, as), SearchAndReconcileResults)).issues.map((i) => i.key);
    expect(await keys('project = SUP AND statusCategory != Done')).toEqual(['SUP-2', 'SUP-1']);
    expect(await keys('assignee = currentUser()', 'agent-ana')).toEqual(['SUP-2']);
    expect(await keys('project = SUP AND assignee is EMPTY ORDER BY key ASC')).toEqual(['SUP-1', 'SUP-3']);
    expect(await keys('key in (SUP-1, SUP-3) AND statusCategory = "To Do"')).toEqual(['SUP-1']);
    expect(await keys('project = SUP AND created >= -2m')).toEqual(['SUP-3', 'SUP-2']);
  });

  it("refuses unbounded queries, bad JQL and projects the caller cannot see, in Jira's words", async () => {
    const h = await siteWithChats(1);
    const error = async (jql: string, as?: string) => (await parsed(await search(h, { jql }, as), ErrorCollection)).errorMessages[0];
    expect(await error('ORDER BY created DESC')).toBe(
      'Unbounded JQL queries are not allowed here. Please add a search restriction to your query.'
    );
    expect(await error('project = SUP AND')).toMatch(/^Error in the JQL Query/);
    expect(await error('project = SUP', 'agent-hana')).toBe("The value 'SUP' does not exist for the field 'project'.");
    expect(await error('priority = High')).toMatch(/^Field 'priority' does not exist/);
  });

  it('refuses a page token after 7 days, and one from another query', async () => {
    const h = await siteWithChats(3);
    const first = await parsed(await search(h, { jql: 'project = SUP', maxResults: 1 }), SearchAndReconcileResults);
    expect((await search(h, { jql: 'project = HR', nextPageToken: first.nextPageToken })).status).toBe(400);
    await h.clock.advance(7 * 24 * 3_600_000 + 1);
    expect((await search(h, { jql: 'project = SUP', nextPageToken: first.nextPageToken })).status).toBe(400);
  });

  it('serves GET with the same semantics, and refuses unknown body properties', async () => {
    const h = await siteWithChats(2);
    const got = await parsed(
      await h.asApp(route`/rest/api/3/search/jql?jql=${'project = SUP ORDER BY key ASC'}&fields=summary&maxResults=1`),
      SearchAndReconcileResults
    );
    expect(got.issues.map((i) => i.key)).toEqual(['SUP-1']);
    const bad = await search(h, { jql: 'project = SUP', startAt: 10 });
    expect((await parsed(bad, ErrorCollection)).errorMessages).toEqual(['Unrecognized field "startAt", not marked as ignorable']);
  });
});

describe('GET /rest/api/3/search (removed)', () => {
  it("answers 410 Gone with Atlassian's migration notice", async () => {
    const h = siteHarness();
    const response = await h.asApp(route`/rest/api/3/search?jql=${'project = SUP'}`);
    expect(response.status).toBe(410);
    expect((await parsed(response, ErrorCollection)).errorMessages[0]).toMatch(/migrate to the \/rest\/api\/3\/search\/jql API/);
  });
});
