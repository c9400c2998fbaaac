import { route } from '@forge/api';
import {
  CustomerRequest,
  PagedRequestComment,
  PagedRequestType,
  PagedServiceDesk,
  PagedUser,
  RequestComment,
  ServiceDesk,
  ServiceDeskError
} from './answer-schemas';
import { adf, jsonBody, parsed, siteHarness } from './site-harness';

const chat = (extra: Record<string, unknown> = {}) => ({
  serviceDeskId: '2',
  requestTypeId: '10',
  requestFieldValues: { summary: 'Printer on fire', description: 'It smells of toner.' },
  ...extra
});

describe('service desks and request types', () => {
  it('lists the service desks a caller may use, JSM-paged', async () => {
    const h = siteHarness();
    const asApp = await parsed(await h.asApp(route`/rest/servicedeskapi/servicedesk`), PagedServiceDesk);
    expect(asApp.values.map((d) => d.projectKey)).toEqual(['HR', 'SUP']);
    const asHana = await parsed(await h.asUser('agent-hana', route`/rest/servicedeskapi/servicedesk`), PagedServiceDesk);
    expect(asHana.values.map((d) => d.projectKey)).toEqual(['HR']);
  });

  it("finds a service desk by its id or its project key, and 404s an unknown one in JSM's error shape", async () => {
    const h = siteHarness();
    expect((await parsed(await h.asApp(route`/rest/servicedeskapi/servicedesk/2`), ServiceDesk)).projectKey).toBe('SUP');
    expect((await parsed(await h.asApp(route`/rest/servicedeskapi/servicedesk/SUP`), ServiceDesk)).id).toBe('2');
    const missing = await h.asApp(route`/rest/servicedeskapi/servicedesk/99`);
    expect(missing.status).toBe(404);
    await parsed(missing, ServiceDeskError);
  });

  it('lists request types, filtered by searchQuery', async () => {
    const h = siteHarness();
    const all = await parsed(await h.asApp(route`/rest/servicedeskapi/servicedesk/2/requesttype`), PagedRequestType);
    expect(all.values.map((t) => [t.id, t.name])).toEqual([
      ['10', 'Chat'],
      ['11', 'Get IT help'],
      ['12', 'Report a system problem']
    ]);
    const found = await parsed(
      await h.asApp(route`/rest/servicedeskapi/servicedesk/2/requesttype?searchQuery=${'chat'}`),
      PagedRequestType
    );
    expect(found.values.map((t) => t.id)).toEqual(['10']);
  });
});

describe('POST /rest/servicedeskapi/request', () => {
  it('creates a request on behalf of a customer, with an ADF description, and sends avi:jira:created:issue', async () => {
    const h = siteHarness();
    const response = await h.asApp(
      route`/rest/servicedeskapi/request`,
      jsonBody(
        'POST',
        chat({
          raiseOnBehalfOf: 'customer-dana',
          isAdfRequest: true,
          requestParticipants: ['customer-eli'],
          requestFieldValues: { summary: 'Printer on fire', description: adf('It smells of toner.') }
        })
      )
    );
    expect(response.status).toBe(201);
    const request = await parsed(response, CustomerRequest);
    expect(request).toMatchObject({
      issueKey: 'SUP-1',
      requestTypeId: '10',
      serviceDeskId: '2',
      reporter: { accountId: 'customer-dana' },
      currentStatus: { status: 'Waiting for support', statusCategory: 'NEW' }
    });
    expect(h.site.getIssue('SUP-1')?.participants).toEqual(['customer-eli']);
    expect(h.events.map((e) => e.eventType)).toEqual(['avi:jira:created:issue']);
  });

  it('lets a customer raise their own request, reported by them', async () => {
    const h = siteHarness();
    const request = await parsed(
      await h.asUser('customer-eli', route`/rest/servicedeskapi/request`, jsonBody('POST', chat())),
      CustomerRequest
    );
    expect(request.reporter?.accountId).toBe('customer-eli');
  });

  it('answers 403 to a customer raising on behalf of someone else or naming participants (agent powers)', async () => {
    const h = siteHarness();
    const onBehalf = await h.asUser(
      'customer-eli',
      route`/rest/servicedeskapi/request`,
      jsonBody('POST', chat({ raiseOnBehalfOf: 'customer-dana' }))
    );
    expect(onBehalf.status).toBe(403);
    expect((await parsed(onBehalf, ServiceDeskError)).errorMessage).toMatch(/on behalf of other customers/);
    const participants = await h.asUser(
      'customer-eli',
      route`/rest/servicedeskapi/request`,
      jsonBody('POST', chat({ requestParticipants: ['customer-dana'] }))
    );
    expect(participants.status).toBe(403);
    expect(h.site.listIssues()).toEqual([]);
  });

  it("refuses fields that are not on the request type's form, a missing summary and an unknown request type", async () => {
    const h = siteHarness();
    const labels = await h.asApp(
      route`/rest/servicedeskapi/request`,
      jsonBody('POST', chat({ requestFieldValues: { summary: 'x', labels: ['live-chat'] } }))
    );
    expect(labels.status).toBe(400);
    expect((await parsed(labels, ServiceDeskError)).errorMessage).toMatch(/The field 'labels' is not on the form of request type 'Chat'/);
    const noSummary = await h.asApp(
      route`/rest/servicedeskapi/request`,
      jsonBody('POST', chat({ requestFieldValues: { description: 'x' } }))
    );
    expect((await parsed(noSummary, ServiceDeskError)).errorMessage).toMatch(/You must specify a summary of the issue/);
    const badType = await h.asApp(route`/rest/servicedeskapi/request`, jsonBody('POST', chat({ requestTypeId: '20' })));
    expect((await parsed(badType, ServiceDeskError)).errorMessage).toBe('The request type you specified does not exist.');
  });

  it('refuses a body that does not match RequestCreateDTO', async () => {
    const h = siteHarness();
    const unknown = await h.asApp(route`/rest/servicedeskapi/request`, jsonBody('POST', chat({ priority: 'high' })));
    expect(unknown.status).toBe(400);
    expect((await parsed(unknown, ServiceDeskError)).errorMessage).toBe('Unrecognized field "priority", not marked as ignorable');
    const wrongType = await h.asApp(route`/rest/servicedeskapi/request`, jsonBody('POST', chat({ serviceDeskId: 2 })));
    expect((await parsed(wrongType, ServiceDeskError)).errorMessage).toMatch(/^Invalid request payload/);
  });
});

describe('request comments and participants', () => {
  async function request(h: ReturnType<typeof siteHarness>) {
    await h.asApp(route`/rest/servicedeskapi/request`, jsonBody('POST', chat({ raiseOnBehalfOf: 'customer-dana' })));
    return 'SUP-1';
  }

  it('posts a public reply as the agent (asUser) and an internal note as the app', async () => {
    const h = siteHarness();
    const key = await request(h);
    const reply = await parsed(
      await h.asUser(
        'agent-ana',
        route`/rest/servicedeskapi/request/${key}/comment`,
        jsonBody('POST', { body: 'Hi Dana, I can help.', public: true })
      ),
      RequestComment
    );
    expect(reply).toMatchObject({ body: 'Hi Dana, I can help.', public: true, author: { accountId: 'agent-ana' } });
    const note = await parsed(
      await h.asApp(route`/rest/servicedeskapi/request/${key}/comment`, jsonBody('POST', { body: 'Transcript:\nDana: hi', public: false })),
      RequestComment
    );
    expect(note.public).toBe(false);
    expect(h.site.comments(key).map((c) => [c.authorId, c.jsdPublic])).toEqual([
      ['agent-ana', true],
      [h.site.appAccountId, false]
    ]);
  });

  it('answers 403 to a customer writing an internal note, and never shows them internal notes', async () => {
    const h = siteHarness();
    const key = await request(h);
    const denied = await h.asUser(
      'customer-dana',
      route`/rest/servicedeskapi/request/${key}/comment`,
      jsonBody('POST', { body: 'psst', public: false })
    );
    expect(denied.status).toBe(403);
    await h.asApp(route`/rest/servicedeskapi/request/${key}/comment`, jsonBody('POST', { body: 'internal', public: false }));
    await h.asUser(
      'customer-dana',
      route`/rest/servicedeskapi/request/${key}/comment`,
      jsonBody('POST', { body: 'Any news?', public: true })
    );
    const seenByDana = await parsed(
      await h.asUser('customer-dana', route`/rest/servicedeskapi/request/${key}/comment?internal=true`),
      PagedRequestComment
    );
    expect(seenByDana.values.map((c) => c.body)).toEqual(['Any news?']);
    const seenByAgent = await parsed(await h.asUser('agent-ben', route`/rest/servicedeskapi/request/${key}/comment`), PagedRequestComment);
    expect(seenByAgent.values.map((c) => c.body)).toEqual(['internal', 'Any news?']);
  });

  it('answers 404 to a customer who is not on the request', async () => {
    const h = siteHarness();
    const key = await request(h);
    expect(
      (await h.asUser('customer-eli', route`/rest/servicedeskapi/request/${key}/comment`, jsonBody('POST', { body: 'hello' }))).status
    ).toBe(404);
  });

  it('adds participants, records the change and lists them', async () => {
    const h = siteHarness();
    const key = await request(h);
    const added = await parsed(
      await h.asApp(route`/rest/servicedeskapi/request/${key}/participant`, jsonBody('POST', { accountIds: ['agent-ben', 'agent-ben'] })),
      PagedUser
    );
    expect(added.values.map((u) => u.accountId)).toEqual(['agent-ben']);
    expect(h.site.getIssue(key)?.changelog[0].items[0]).toMatchObject({ field: 'Request participants', toString: 'Ben Carter' });
    const listed = await parsed(await h.asUser('customer-dana', route`/rest/servicedeskapi/request/${key}/participant`), PagedUser);
    expect(listed.values.map((u) => u.accountId)).toEqual(['agent-ben']);
    const unknown = await h.asApp(route`/rest/servicedeskapi/request/${key}/participant`, jsonBody('POST', { accountIds: ['ghost'] }));
    expect(unknown.status).toBe(400);
  });
});
