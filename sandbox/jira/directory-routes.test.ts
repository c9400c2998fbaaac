import { route } from '@forge/api';
import { FieldDetails, GroupName, PageBeanProject, PageBeanUser, Project, User } from './answer-schemas';
import { parsed, siteHarness } from './site-harness';
import { TEAM_FIELD_TYPE } from './field-catalog';

describe('directory endpoints', () => {
  it('GET /field lets the app find the Team field by its schema', async () => {
    const h = siteHarness();
    const fields = ((await (await h.asApp(route`/rest/api/3/field`)).json()) as unknown[]).map((f) => FieldDetails.parse(f));
    const team = fields.find((f) => f.schema?.custom === TEAM_FIELD_TYPE);
    expect(team).toMatchObject({ id: 'customfield_10001', name: 'Team', custom: true, clauseNames: ['cf[10001]', 'Team'] });
  });

  it('GET /user, /myself and /user/bulk answer Jira users', async () => {
    const h = siteHarness();
    expect(await parsed(await h.asApp(route`/rest/api/3/user?accountId=${'agent-ana'}`), User)).toMatchObject({
      displayName: 'Ana Souza',
      accountType: 'atlassian',
      emailAddress: 'ana.souza@acme-corp.example'
    });
    expect((await parsed(await h.asUser('agent-ben', route`/rest/api/3/myself`), User)).accountId).toBe('agent-ben');
    expect((await parsed(await h.asApp(route`/rest/api/3/myself`), User)).accountType).toBe('app');
    const bulk = await parsed(
      await h.asApp(route`/rest/api/3/user/bulk?accountId=agent-ana&accountId=customer-dana&accountId=ghost`),
      PageBeanUser
    );
    expect(bulk.values.map((u) => [u.accountId, u.accountType])).toEqual([
      ['agent-ana', 'atlassian'],
      ['customer-dana', 'customer']
    ]);
    expect((await h.asApp(route`/rest/api/3/user?accountId=ghost`)).status).toBe(404);
  });

  it('refuses user lookups to a portal customer (no Browse users and groups)', async () => {
    const h = siteHarness();
    expect((await h.asUser('customer-dana', route`/rest/api/3/user?accountId=agent-ana`)).status).toBe(403);
  });

  it('GET /user/groups shows who is a site admin', async () => {
    const h = siteHarness();
    const groups = async (id: string) =>
      ((await (await h.asApp(route`/rest/api/3/user/groups?accountId=${id}`)).json()) as unknown[]).map((g) => GroupName.parse(g).name);
    expect(await groups('admin')).toContain('site-admins');
    expect(await groups('agent-ana')).not.toContain('site-admins');
  });

  it('GET /project/{key} and /project/search answer the spaces the caller can see', async () => {
    const h = siteHarness();
    expect(await parsed(await h.asApp(route`/rest/api/3/project/SUP`), Project)).toMatchObject({
      id: '10001',
      name: 'Support',
      projectTypeKey: 'service_desk',
      lead: { accountId: 'admin-sup' }
    });
    expect((await h.asUser('agent-hana', route`/rest/api/3/project/SUP`)).status).toBe(404);
    expect((await h.asUser('admin', route`/rest/api/3/project/SUP`)).status).toBe(200);
    const all = await parsed(await h.asApp(route`/rest/api/3/project/search`), PageBeanProject);
    expect(all.values.map((p) => p.key)).toEqual(['HR', 'SUP']);
    const mine = await parsed(await h.asUser('agent-hana', route`/rest/api/3/project/search?typeKey=service_desk`), PageBeanProject);
    expect(mine.values.map((p) => p.key)).toEqual(['HR']);
  });
});

describe('createProject', () => {
  it('sends avi:jira:created:project for a space an admin creates', async () => {
    const h = siteHarness();
    h.site.createProject({ key: 'OPS', name: 'Operations', lead: 'admin', agents: ['agent-chen'] });
    expect(h.events).toEqual([
      {
        eventType: 'avi:jira:created:project',
        payload: expect.objectContaining({ atlassianId: 'admin', project: expect.objectContaining({ key: 'OPS', name: 'Operations' }) })
      }
    ]);
    // Forge does not promise the type in this event (event-payloads.test.ts): the app asks JSM.
    expect(h.site.project('OPS')?.projectTypeKey).toBe('service_desk');
    expect(h.site.project('OPS')?.createdAt).toBe(h.clock.now());
    expect(
      (
        await parsed(
          await h.asUser('agent-chen', route`/rest/servicedeskapi/servicedesk/OPS`),
          (await import('./answer-schemas')).ServiceDesk
        )
      ).projectKey
    ).toBe('OPS');
  });
});
