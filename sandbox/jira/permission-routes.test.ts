import { route } from '@forge/api';
import { BulkPermissionGrants, ErrorCollection, Permissions, User } from './answer-schemas';
import { jsonBody, parsed, siteHarness } from './site-harness';

describe('POST /rest/api/3/permissions/check', () => {
  it('answers, as a Jira administrator, which projects a user holds each permission in', async () => {
    const h = siteHarness();
    const response = await h.asUser(
      'admin',
      route`/rest/api/3/permissions/check`,
      jsonBody('POST', {
        accountId: 'agent-ben',
        globalPermissions: ['ADMINISTER'],
        projectPermissions: [{ permissions: ['SERVICEDESK_AGENT', 'ADMINISTER_PROJECTS'], projects: [10000, 10001, 99999] }]
      })
    );
    expect(await parsed(response, BulkPermissionGrants)).toEqual({
      globalPermissions: [],
      projectPermissions: [
        { permission: 'SERVICEDESK_AGENT', projects: [10000, 10001], issues: [] },
        { permission: 'ADMINISTER_PROJECTS', projects: [], issues: [] }
      ]
    });
  });

  it("gives the site admin ADMINISTER and every space's ADMINISTER_PROJECTS, a space admin only theirs", async () => {
    const h = siteHarness();
    const check = (accountId: string) =>
      h.asUser(
        'admin',
        route`/rest/api/3/permissions/check`,
        jsonBody('POST', {
          accountId,
          globalPermissions: ['ADMINISTER'],
          projectPermissions: [{ permissions: ['ADMINISTER_PROJECTS'], projects: [10000, 10001] }]
        })
      );
    expect(await parsed(await check('admin'), BulkPermissionGrants)).toEqual({
      globalPermissions: ['ADMINISTER'],
      projectPermissions: [{ permission: 'ADMINISTER_PROJECTS', projects: [10000, 10001], issues: [] }]
    });
    expect((await parsed(await check('admin-sup'), BulkPermissionGrants)).projectPermissions[0].projects).toEqual([10001]);
  });

  it('answers 403 to a user asking about someone else, and 400 to an unknown permission', async () => {
    const h = siteHarness();
    const other = await h.asUser(
      'agent-ana',
      route`/rest/api/3/permissions/check`,
      jsonBody('POST', { accountId: 'agent-ben', globalPermissions: ['ADMINISTER'] })
    );
    expect(other.status).toBe(403);
    expect((await parsed(other, ErrorCollection)).errorMessages).toEqual(['Only Jira administrators can perform this operation.']);
    const unknown = await h.asApp(route`/rest/api/3/permissions/check`, jsonBody('POST', { globalPermissions: ['PERMISSION_123'] }));
    expect((await parsed(unknown, ErrorCollection)).errors).toEqual({ PERMISSION_123: 'Unrecognized permission' });
  });
});

describe('GET /rest/api/3/mypermissions', () => {
  it("answers the caller's own permissions in a space", async () => {
    const h = siteHarness();
    const ask = (who: string) =>
      h.asUser(
        who,
        route`/rest/api/3/mypermissions?projectKey=SUP&permissions=${'BROWSE_PROJECTS,SERVICEDESK_AGENT,ADMINISTER_PROJECTS,ADMINISTER'}`
      );
    const have = async (who: string) =>
      Object.entries((await parsed(await ask(who), Permissions)).permissions)
        .filter(([, p]) => p.havePermission)
        .map(([k]) => k);
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
  it('lists the agents of a space (as its admin)', async () => {
    const h = siteHarness();
    const response = await h.asUser(
      'admin-sup',
      route`/rest/api/3/user/permission/search?permissions=SERVICEDESK_AGENT&projectKey=SUP&query=`
    );
    const users = (await response.json()) as unknown[];
    expect(users.map((u) => User.parse(u).accountId)).toEqual(['admin-sup', 'agent-ana', 'agent-ben', 'agent-chen']);
  });

  it('matches the query against name words and email, and needs query or accountId', async () => {
    const h = siteHarness();
    const found = (await (
      await h.asUser('admin', route`/rest/api/3/user/permission/search?permissions=SERVICEDESK_AGENT&projectKey=HR&query=kob`)
    ).json()) as Array<{ accountId: string }>;
    expect(found.map((u) => u.accountId)).toEqual(['agent-hana']);
    expect((await h.asUser('admin', route`/rest/api/3/user/permission/search?permissions=SERVICEDESK_AGENT&projectKey=HR`)).status).toBe(
      400
    );
  });

  it('answers 403 to an agent who does not administer the space', async () => {
    const h = siteHarness();
    expect(
      (await h.asUser('agent-ana', route`/rest/api/3/user/permission/search?permissions=SERVICEDESK_AGENT&projectKey=SUP&query=`)).status
    ).toBe(403);
    expect(
      (await h.asUser('admin-sup', route`/rest/api/3/user/permission/search?permissions=SERVICEDESK_AGENT&projectKey=SUP&query=`)).status
    ).toBe(200);
  });
});

describe('GET /rest/api/3/user/assignable/search', () => {
  it('lists who work in a space can be assigned to, for anyone with access to Jira (the app too)', async () => {
    const h = siteHarness();
    const ids = async (response: Awaited<ReturnType<typeof h.asApp>>) =>
      ((await response.json()) as unknown[]).map((u) => User.parse(u).accountId);
    expect(await ids(await h.asApp(route`/rest/api/3/user/assignable/search?project=SUP`))).toEqual([
      'admin-sup',
      'agent-ana',
      'agent-ben',
      'agent-chen'
    ]);
    expect(await ids(await h.asUser('agent-hana', route`/rest/api/3/user/assignable/search?project=HR&query=kob`))).toEqual(['agent-hana']);
    expect(await ids(await h.asApp(route`/rest/api/3/user/assignable/search?project=SUP&accountId=customer-dana`))).toEqual([]);
  });

  it('answers 400 without a project or work item, 403 to a portal customer, 404 for a space the caller cannot see', async () => {
    const h = siteHarness();
    expect((await h.asApp(route`/rest/api/3/user/assignable/search`)).status).toBe(400);
    expect((await h.asUser('customer-dana', route`/rest/api/3/user/assignable/search?project=SUP`)).status).toBe(403);
    expect((await h.asUser('agent-hana', route`/rest/api/3/user/assignable/search?project=SUP`)).status).toBe(404);
  });
});

/**
 * Faithful to Forge: the app's account holds what its scopes give it (the
 * atlassian-addons-project-access role), not Administer Jira or Administer Projects, so the
 * endpoints that tell one user about another's permissions refuse it, as Jira refuses anyone
 * without them.
 */
describe('permissions as the app', () => {
  it('permissions as the app: permissions/check as the app user is refused', async () => {
    const h = siteHarness();
    const response = await h.asApp(
      route`/rest/api/3/permissions/check`,
      jsonBody('POST', { accountId: 'agent-ana', projectPermissions: [{ permissions: ['SERVICEDESK_AGENT'], projects: [10001] }] })
    );
    expect(response.status).toBe(403);
    expect(await parsed(response, ErrorCollection)).toEqual({
      errorMessages: ['Only Jira administrators can perform this operation.'],
      errors: {}
    });
  });

  it('permissions as the app: user/permission/search as the app user is refused', async () => {
    const h = siteHarness();
    const response = await h.asApp(route`/rest/api/3/user/permission/search?permissions=SERVICEDESK_AGENT&projectKey=SUP&query=`);
    expect(response.status).toBe(403);
    expect((await parsed(response, ErrorCollection)).errorMessages).toEqual(['You do not have the permission to see the specified users.']);
  });

  it('permissions as the app: the app user holds what its scopes give it, and nothing else', async () => {
    const h = siteHarness({ appScopes: ['read:jira-work', 'write:jira-work', 'read:jira-user', 'write:servicedesk-request'] });
    const mine = async () => {
      const answer = await parsed(
        await h.asApp(
          route`/rest/api/3/mypermissions?projectKey=SUP&permissions=${'ADMINISTER,USER_PICKER,BROWSE_PROJECTS,EDIT_ISSUES,ASSIGN_ISSUES,ADD_COMMENTS,SERVICEDESK_AGENT,ADMINISTER_PROJECTS,ASSIGNABLE_USER'}`
        ),
        Permissions
      );
      return Object.entries(answer.permissions)
        .filter(([, p]) => p.havePermission)
        .map(([key]) => key);
    };
    expect(await mine()).toEqual(['USER_PICKER', 'BROWSE_PROJECTS', 'EDIT_ISSUES', 'ASSIGN_ISSUES', 'ADD_COMMENTS', 'SERVICEDESK_AGENT']);
    // Fewer scopes, less: without write:jira-work the app's account may not edit.
    h.site.setAppScopes(['read:jira-work']);
    expect(await mine()).toEqual(['BROWSE_PROJECTS']);
    // manage:jira-project administers projects (and so may list a project's users by permission).
    h.site.setAppScopes(['read:jira-work', 'read:jira-user', 'manage:jira-project']);
    expect(await mine()).toEqual(['USER_PICKER', 'BROWSE_PROJECTS', 'ADMINISTER_PROJECTS']);
    expect((await h.asApp(route`/rest/api/3/user/permission/search?permissions=SERVICEDESK_AGENT&projectKey=SUP&query=`)).status).toBe(200);
  });

  it("permissions as the app: a site admin who puts the app's account in an admin group lets it check others", async () => {
    const h = siteHarness();
    h.site.setSiteAdmin(h.site.appAccountId, true);
    const response = await h.asApp(
      route`/rest/api/3/permissions/check`,
      jsonBody('POST', { accountId: 'agent-ana', projectPermissions: [{ permissions: ['SERVICEDESK_AGENT'], projects: [10001] }] })
    );
    expect((await parsed(response, BulkPermissionGrants)).projectPermissions).toEqual([
      { permission: 'SERVICEDESK_AGENT', projects: [10001], issues: [] }
    ]);
  });

  it('permissions as the app: a user checks their own permissions with permissions/check and mypermissions', async () => {
    const h = siteHarness();
    const own = await h.asUser(
      'agent-ana',
      route`/rest/api/3/permissions/check`,
      jsonBody('POST', { projectPermissions: [{ permissions: ['SERVICEDESK_AGENT'], projects: [10000, 10001] }] })
    );
    expect((await parsed(own, BulkPermissionGrants)).projectPermissions[0].projects).toEqual([10001]);
    const anywhere = await parsed(await h.asUser('agent-ana', route`/rest/api/3/mypermissions?permissions=SERVICEDESK_AGENT`), Permissions);
    expect(anywhere.permissions.SERVICEDESK_AGENT.havePermission).toBe(true);
  });
});
