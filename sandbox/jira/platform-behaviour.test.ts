import { route } from '@forge/api';
import { DEFAULT_APP_SCOPES } from './jira-site';
import { ErrorCollection, Issue } from './answer-schemas';
import { ServiceDeskError } from './answer-schemas';
import { jsonBody, parsed, siteHarness } from './site-harness';

const newChat = { serviceDeskId: '2', requestTypeId: '10', requestFieldValues: { summary: 'Help' } };

describe('injected faults', () => {
  it('answers 429 with Retry-After and the rate-limit headers, and does none of the work', async () => {
    // A fixed date, because the reset time's format is what is checked: 5 s after 09:00:00 is still 09:00.
    const h = siteHarness({ startAt: Date.UTC(2026, 10, 23, 9, 0, 0) });
    h.faults.set([{ target: 'jira', kind: 'http429', match: 'POST /rest/servicedeskapi/request', times: 1 }]);
    const limited = await h.asApp(route`/rest/servicedeskapi/request`, jsonBody('POST', newChat));
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBe('5');
    expect(limited.headers.get('x-ratelimit-reset')).toBe('2026-11-23T09:00Z');
    expect(limited.headers.get('ratelimit-reason')).toBe('jira-burst-based');
    expect(h.site.listIssues()).toEqual([]);
    expect((await h.asApp(route`/rest/servicedeskapi/request`, jsonBody('POST', newChat))).status).toBe(201);
  });

  it('answers 503 with Retry-After for a server fault', async () => {
    const h = siteHarness();
    h.faults.set([{ target: 'jira', kind: 'http5xx', match: /GET \/rest\/api\/3\/field/ }]);
    const failed = await h.asApp(route`/rest/api/3/field`);
    expect(failed.status).toBe(503);
    expect(failed.headers.get('retry-after')).toBe('5');
    await parsed(failed, ErrorCollection);
  });
});

describe('who is calling', () => {
  it('answers 401 to asUser() in an anonymous invocation', async () => {
    const h = siteHarness();
    const response = await h.asUser(undefined, route`/rest/api/3/myself`);
    expect(response.status).toBe(401);
    expect((await parsed(response, ErrorCollection)).errorMessages).toEqual(['Client must be authenticated to access this resource.']);
  });

  it("answers the gateway's 401 when the app lacks the scope the operation needs", async () => {
    const h = siteHarness({ appScopes: DEFAULT_APP_SCOPES.filter((s) => s !== 'write:servicedesk-request') });
    const response = await h.asApp(route`/rest/servicedeskapi/request`, jsonBody('POST', newChat));
    expect(response.status).toBe(401);
    expect(await response.json()).toEqual({ code: 401, message: 'Unauthorized; scope does not match' });
    expect((await h.asApp(route`/rest/servicedeskapi/servicedesk`)).status).toBe(200);
  });
});

describe('request shape', () => {
  it('answers 415 to a body sent without Content-Type: application/json', async () => {
    const h = siteHarness();
    const response = await h.asApp(route`/rest/servicedeskapi/request`, { method: 'POST', body: JSON.stringify(newChat) });
    expect(response.status).toBe(415);
    await parsed(response, ServiceDeskError);
  });

  it('answers 400 to malformed JSON and to a body of the wrong shape', async () => {
    const h = siteHarness();
    const malformed = await h.asApp(route`/rest/api/3/permissions/check`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: '{"accountId":'
    });
    expect((await parsed(malformed, ErrorCollection)).errorMessages).toEqual([
      'Invalid request payload. Refer to the REST API documentation and try again.'
    ]);
    const wrong = await h.asApp(
      route`/rest/api/3/permissions/check`,
      jsonBody('POST', { projectPermissions: [{ permissions: 'BROWSE_PROJECTS' }] })
    );
    expect(wrong.status).toBe(400);
    expect(Object.keys((await parsed(wrong, ErrorCollection)).errors)).toEqual(['projectPermissions.0.permissions']);
  });

  it('answers 404 to routes the sandbox does not serve and 405 to a wrong method', async () => {
    const h = siteHarness();
    expect((await h.asApp(route`/rest/api/3/issue/SUP-1/transitions`)).status).toBe(404);
    expect((await h.asApp(route`/rest/api/3/field`, jsonBody('POST', {}))).status).toBe(405);
  });
});

describe('usage metering', () => {
  it('records each request under its route template', async () => {
    const h = siteHarness();
    await h.asApp(route`/rest/servicedeskapi/request`, jsonBody('POST', newChat));
    await h.asApp(route`/rest/api/3/issue/SUP-1?fields=summary`);
    await h.asApp(route`/rest/api/3/issue/SUP-1?fields=labels`);
    const usage = h.meter.snapshot();
    expect(usage['jira.requests']).toBe(3);
    expect(usage.byDetail['jira.requests GET /rest/api/3/issue/{issueIdOrKey}']).toBe(2);
  });
});

describe('handleJiraHttp', () => {
  it('serves the same routes over HTTP as the sandbox user named by the server', async () => {
    const h = siteHarness();
    const created = await h.site.handleJiraHttp('POST', '/rest/servicedeskapi/request', {}, JSON.stringify(newChat), 'customer-dana');
    expect(created.status).toBe(201);
    const asAgent = await h.site.handleJiraHttp('GET', '/rest/api/3/issue/SUP-1', { fields: 'summary,reporter' }, undefined, 'agent-ana');
    expect(Issue.parse(asAgent.body).fields?.reporter?.accountId).toBe('customer-dana');
    expect((await h.site.handleJiraHttp('GET', '/rest/api/3/issue/SUP-1', '', undefined, undefined)).status).toBe(401);
    expect((await h.site.handleJiraHttp('GET', '/rest/api/3/issue/SUP-1', '', undefined, 'customer-dana')).status).toBe(404);
  });
});
