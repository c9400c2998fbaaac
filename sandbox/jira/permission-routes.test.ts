import { route } from '@forge/api';
import { BulkPermissionGrants, ErrorCollection, Permissions, User } from './answer-schemas';
import { jsonBody, parsed, siteHarness } from './site-harness';

describe('POST /rest/api/3/permissions/check', () => {
  it('answers, as the app, which projects a user holds each permission in', async () => {
    const h = siteHarness();
    const response = await h.asApp(route`/rest/api/3/permissions/check`, jsonBody('POST', {
      accountId: 'agent-ben', globalPermissions: ['ADMINISTER'],
      projectPermissions: [{ permissions: ['SERVICEDESK_AGENT', 'ADMINISTER_PROJECTS'], projects: [10000, 10001, 99999] }]
    }));
    expect(await parsed(response, BulkPermissionGrants)).toEqual({
      globalPermissions: [],
      projectPermissions: [
        { permission: 'SERVICEDESK_AGENT', projects: [10000, 10001], issues: [] },
        { permission: 'ADMINISTER_PROJECTS', projects: [], issues: [] }
      ]
    });
  });

  it('gives the site admin ADMINISTER and every space\'s ADMINISTER_PROJECTS, a space admin only theirs', async () => {
    const h = siteHarness();
    const check = (accountId: string) => h.asApp(route`/rest/api/3/permissions/check`, jsonBody('POST', { accountId, globalPermissions: ['ADMINISTER'], projectPermissions: [{ permissions: ['ADMINISTER_PROJECTS'], projects: [10000, 10001] }] }));
    expect(await parsed(await check('admin'), BulkPermissionGrants)).toEqual({ globalPermissions: ['ADMINISTER'], projectPermissions: [{ permission: 'ADMINISTER_PROJECTS', projects: [10000, 10001], issues: [] }] });
    expect((await parsed(await check('admin-sup'), BulkPermissionGrants)).projectPermissions[0].projects).toEqual([10001]);
  });

  it('answers 403 to a user asking about someone else, and 400 to an unknown permission', async () => {
    const h = siteHarness();
    const other = await h.asUser('agent-ana', route`/rest/api/3/permissions/check`, jsonBody('POST', { accountId: 'agent-ben', globalPermissions: ['ADMINISTER'] }));
    expect(other.status).toBe(403);
    expect((await parsed(other, ErrorCollection)).errorMessages).toEqual(['Only Jira administrators can perform this operation.']);
    const unknown = await h.asApp(route`/rest/api/3/permissions/check`, jsonBody('POST', { globalPermissions: ['PERMISSION_123'] }));
    expect((await parsed(unknown, ErrorCollection)).errors).toEqual({ PERMISSION_123: 'Unrecognized permission' });
  });
});

describe('GET /rest/api/3/mypermissions', () => {
  it('answers the caller\'s own permissions in a space', async () => {
    const h = siteHarness();
    const ask = (who: string) => h.asUser(who, route`/rest/api/3/mypermissions?projectKey=SUP&permissions=${'BROWSE_PROJECTS,SERVICEDESK_AGENT,ADMINISTER_PROJECTS,ADMINISTER'}`);
    const have = async (who: string) => Object.entries((await parsed(await ask(who), Permissions)).permissions).filter(([, p]) => p.havePermission).map(([k]) => k);
    expect(await have('agent-ana')).toEqual(['BROWSE_PROJECTS', 'SERVICEDESK_AGENT']);
    expect(await have('admin-sup')).toEqual(['BROWSE_PROJECTS', 'SERVICEDESK_AGENT', 'ADMINISTER_PROJECTS']);
    expect(await have('admin')).toEqual(['ADMINISTER_PROJECTS', 'ADMINISTER']);
  });

  it('answers 404 for a space the caller cannot see, and 400 without permissions', async () => {
    const h = siteHarness();
    expect((await h.asUser('customer-dana', route`/rest/api/3/mypermissions?projectKey=SUP&permissions=BROWSE_PROJECTS`)).status).toBe(404);
    expect((await h.asUser('agent-ana', route`/rest/api/3/mypermissions?projectKey=SUP`)).status).toBe(400);
  });
});

describe('GET /rest/api/3/user/permission/search', () => {
  it('lists the agents of a space (as the app)', async () => {
    const h = siteHarness();
    const response = await h.asApp(route`/rest/api/3/user/permission/search?permissions=SERVICEDESK_AGENT&projectKey=SUP&query=`);
    const users = (await response.json()) as unknown[];
    expect(users.map((u) => User.parse(u).accountId)).toEqual(['admin-sup', 'agent-ana', 'agent-ben', 'agent-chen']);
  });

  it('matches the query against name words and email, and needs query or accountId', async () => {
    const h = siteHarness();
    const found = (await (await h.asApp(route`/rest/api/3/user/permission/search?permissions=SERVICEDESK_AGENT&projectKey=HR&query=kob`)).json()) as Array<{ accountId: string }>;
    expect(found.map((u) => u.accountId)).toEqual(['agent-hana']);
    expect((await h.asApp(route`/rest/api/3/user/permission/search?permissions=SERVICEDESK_AGENT&projectKey=HR`)).status).toBe(400);
  });

  it('answers 403 to an agent who does not administer the space', async () => {
    const h = siteHarness();
    expect((await h.asUser('agent-ana', route`/rest/api/3/user/permission/search?permissions=SERVICEDESK_AGENT&projectKey=SUP&query=`)).status).toBe(403);
    expect((await h.asUser('admin-sup', route`/rest/api/3/user/permission/search?permissions=SERVICEDESK_AGENT&projectKey=SUP&query=`)).status).toBe(200);
  });
});
