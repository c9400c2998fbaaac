import { route } from '@forge/api';
import { SUPPORT_TEAM_ID } from './demo-site';
import { TEAM_FIELD_ID } from './field-catalog';
import { ErrorCollection, Issue } from './answer-schemas';
import { CustomerRequest } from './answer-schemas';
import { adf, jsonBody, parsed, siteHarness } from './site-harness';

async function chatWorkItem(h: ReturnType<typeof siteHarness>) {
  const created = await h.asApp(
    route`/rest/servicedeskapi/request`,
    jsonBody('POST', {
      serviceDeskId: '2',
      requestTypeId: '10',
      raiseOnBehalfOf: 'customer-dana',
      isAdfRequest: true,
      requestFieldValues: { summary: 'Cannot log in to the VPN', description: adf('Customer: my VPN says token expired') }
    })
  );
  return (await parsed(created, CustomerRequest)).issueKey;
}

describe('GET /rest/api/3/issue/{issueIdOrKey}', () => {
  it("answers the requested fields of a work item, in Jira's Issue shape", async () => {
    const h = siteHarness();
    const key = await chatWorkItem(h);
    const response = await h.asApp(route`/rest/api/3/issue/${key}?fields=summary,labels,assignee,reporter,status,${TEAM_FIELD_ID}`);
    expect(response.status).toBe(200);
    const issue = await parsed(response, Issue);
    expect(Object.keys(issue.fields).sort()).toEqual(['assignee', 'labels', 'reporter', 'status', 'summary', TEAM_FIELD_ID].sort());
    expect(issue.fields.summary).toBe('Cannot log in to the VPN');
    expect(issue.fields.reporter?.accountId).toBe('customer-dana');
    expect(issue.fields.status?.statusCategory.key).toBe('new');
  });

  it('answers every field by default and the changelog with expand=changelog', async () => {
    const h = siteHarness();
    const key = await chatWorkItem(h);
    await h.asApp(route`/rest/api/3/issue/${key}`, jsonBody('PUT', { update: { labels: [{ add: 'live-chat' }] } }));
    const issue = await parsed(await h.asApp(route`/rest/api/3/issue/${key}?expand=changelog`), Issue);
    expect(issue.fields.description).toEqual(adf('Customer: my VPN says token expired'));
    expect(issue.fields.customfield_10010?.requestType.name).toBe('Chat');
    expect(issue.changelog?.histories[0].items).toEqual([
      { field: 'labels', fieldtype: 'jira', fieldId: 'labels', from: null, fromString: null, to: null, toString: 'live-chat' }
    ]);
  });

  it('answers 404 to a portal customer, even for their own request, as to a missing key', async () => {
    const h = siteHarness();
    const key = await chatWorkItem(h);
    const own = await h.asUser('customer-dana', route`/rest/api/3/issue/${key}`);
    const missing = await h.asUser('agent-ana', route`/rest/api/3/issue/SUP-999`);
    expect(own.status).toBe(404);
    expect(missing.status).toBe(404);
    expect((await parsed(own, ErrorCollection)).errorMessages).toEqual(['Issue does not exist or you do not have permission to see it.']);
  });

  it('answers 404 to an agent of another space', async () => {
    const h = siteHarness();
    const key = await chatWorkItem(h);
    expect((await h.asUser('agent-hana', route`/rest/api/3/issue/${key}`)).status).toBe(404);
    expect((await h.asUser('agent-ana', route`/rest/api/3/issue/${key}`)).status).toBe(200);
  });
});

describe('PUT /rest/api/3/issue/{issueIdOrKey}', () => {
  it('sets the Team field and adds a label, and sends avi:jira:updated:issue with the changelog', async () => {
    const h = siteHarness();
    const key = await chatWorkItem(h);
    h.events.length = 0;
    const response = await h.asApp(
      route`/rest/api/3/issue/${key}`,
      jsonBody('PUT', { fields: { [TEAM_FIELD_ID]: SUPPORT_TEAM_ID }, update: { labels: [{ add: 'live-chat' }] } })
    );
    expect(response.status).toBe(204);
    expect(h.site.getIssue(key)?.fields).toMatchObject({ team: SUPPORT_TEAM_ID, labels: ['live-chat'] });
    expect(h.events.map((e) => e.eventType)).toEqual(['avi:jira:updated:issue']);
    const payload = h.events[0].payload as { atlassianId: string; issue: { key: string }; changelog: { items: unknown[] } };
    expect(payload.atlassianId).toBe(h.site.appAccountId);
    expect(payload.issue.key).toBe(key);
    expect(payload.changelog.items).toEqual(
      expect.arrayContaining([
        {
          field: 'Team',
          fieldtype: 'custom',
          fieldId: TEAM_FIELD_ID,
          from: null,
          fromString: null,
          to: SUPPORT_TEAM_ID,
          toString: 'Support team'
        },
        { field: 'labels', fieldtype: 'jira', fieldId: 'labels', from: null, fromString: null, to: null, toString: 'live-chat' }
      ])
    );
  });

  it('changes nothing and sends no event when the edit changes nothing', async () => {
    const h = siteHarness();
    const key = await chatWorkItem(h);
    h.events.length = 0;
    await h.asApp(route`/rest/api/3/issue/${key}`, jsonBody('PUT', { fields: { summary: 'Cannot log in to the VPN' } }));
    expect(h.events).toEqual([]);
    expect(h.site.getIssue(key)?.changelog).toEqual([]);
  });

  it('answers 400 with every bad field named, and saves none of the edit', async () => {
    const h = siteHarness();
    const key = await chatWorkItem(h);
    const response = await h.asApp(
      route`/rest/api/3/issue/${key}`,
      jsonBody('PUT', {
        fields: { summary: 'New summary', description: 'plain text is not ADF', labels: ['two words'], priority: { id: '1' } }
      })
    );
    expect(response.status).toBe(400);
    const body = await parsed(response, ErrorCollection);
    expect(body.errors).toEqual({
      description: 'Operation value must be an Atlassian Document (see the Atlassian Document Format)',
      labels: "The label 'two words' contains spaces which is invalid.",
      priority: "Field 'priority' cannot be set. It is not on the appropriate screen, or unknown."
    });
    expect(h.site.getIssue(key)?.fields.summary).toBe('Cannot log in to the VPN');
  });

  it('refuses an unknown team and a summary over 255 characters', async () => {
    const h = siteHarness();
    const key = await chatWorkItem(h);
    const response = await h.asApp(
      route`/rest/api/3/issue/${key}`,
      jsonBody('PUT', { fields: { [TEAM_FIELD_ID]: 'no-such-team', summary: 'x'.repeat(256) } })
    );
    expect((await parsed(response, ErrorCollection)).errors).toEqual({
      [TEAM_FIELD_ID]: "Team with id 'no-such-team' does not exist.",
      summary: 'Summary must be less than 255 characters.'
    });
  });

  it('answers 404 to a customer editing their own request through the platform API', async () => {
    const h = siteHarness();
    const key = await chatWorkItem(h);
    expect(
      (await h.asUser('customer-dana', route`/rest/api/3/issue/${key}`, jsonBody('PUT', { fields: { summary: 'Mine' } }))).status
    ).toBe(404);
  });
});

describe('PUT /rest/api/3/issue/{issueIdOrKey}/assignee', () => {
  it('assigns an agent of the space and sends assigned and updated events', async () => {
    const h = siteHarness();
    const key = await chatWorkItem(h);
    h.events.length = 0;
    expect((await h.asApp(route`/rest/api/3/issue/${key}/assignee`, jsonBody('PUT', { accountId: 'agent-ana' }))).status).toBe(204);
    expect(h.site.getIssue(key)?.fields.assignee).toBe('agent-ana');
    expect(h.events.map((e) => e.eventType)).toEqual(['avi:jira:assigned:issue', 'avi:jira:updated:issue']);
    expect((h.events[1].payload as { changelog: { items: unknown[] } }).changelog.items).toEqual([
      { field: 'assignee', fieldtype: 'jira', fieldId: 'assignee', from: null, fromString: null, to: 'agent-ana', toString: 'Ana Souza' }
    ]);
  });

  it('refuses someone who cannot be assigned issues in the space', async () => {
    const h = siteHarness();
    const key = await chatWorkItem(h);
    const hrAgent = await h.asApp(route`/rest/api/3/issue/${key}/assignee`, jsonBody('PUT', { accountId: 'agent-hana' }));
    expect(hrAgent.status).toBe(400);
    expect((await parsed(hrAgent, ErrorCollection)).errors).toEqual({ assignee: "User 'Hana Kobayashi' cannot be assigned issues." });
    const nobody = await h.asApp(route`/rest/api/3/issue/${key}/assignee`, jsonBody('PUT', { accountId: 'nobody' }));
    expect((await parsed(nobody, ErrorCollection)).errors).toEqual({ assignee: "User 'nobody' does not exist." });
  });

  it('unassigns with accountId null, and an Automation rule reassigning shows in the event as Automation', async () => {
    const h = siteHarness();
    const key = await chatWorkItem(h);
    await h.asApp(route`/rest/api/3/issue/${key}/assignee`, jsonBody('PUT', { accountId: 'agent-ana' }));
    h.events.length = 0;
    h.site.editIssueAsAutomation(key, { assignee: 'agent-ben' });
    expect((h.events[1].payload as { atlassianId: string }).atlassianId).toBe(h.site.automationAccountId);
    await h.asApp(route`/rest/api/3/issue/${key}/assignee`, jsonBody('PUT', { accountId: null }));
    expect(h.site.getIssue(key)?.fields.assignee).toBeNull();
  });
});
