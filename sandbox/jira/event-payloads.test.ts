import { route } from '@forge/api';
import { FieldDetails } from './answer-schemas';
import { TEAM_FIELD_TYPES } from './field-catalog';
import { siteHarness } from './site-harness';

/**
 * Event payloads as Forge sends them, by the stricter reading where the docs leave it open:
 * https://developer.atlassian.com/platform/forge/events-reference/jira/ does not promise the
 * project's type in `avi:jira:created:project`; the Team field's type key differs between
 * sources (https://developer.atlassian.com/platform/teams/components/team-field-in-jira-rest-api).
 */
describe('Event payloads', () => {
  it('avi:jira:created:project carries the project without projectTypeKey', () => {
    const h = siteHarness();
    h.site.announceProjectCreated('SUP');
    const [event] = h.events;
    expect(event.eventType).toBe('avi:jira:created:project');
    expect(event.payload.project).toMatchObject({ key: 'SUP', name: expect.any(String), id: expect.any(String) });
    expect(event.payload.project).not.toHaveProperty('projectTypeKey');
  });

  it.each(Object.entries(TEAM_FIELD_TYPES))('the Team field can be listed with either type key (%s)', async (_name, type) => {
    const h = siteHarness();
    h.site.setTeamFieldType(type);
    const fields = ((await (await h.asApp(route`/rest/api/3/field`)).json()) as unknown[]).map((f) => FieldDetails.parse(f));
    expect(fields.filter((f) => f.name === 'Team').map((f) => [f.id, f.schema?.custom])).toEqual([['customfield_10001', type]]);
  });

  it('by default the site lists the Team field with the type key Atlassian documents', async () => {
    const h = siteHarness();
    const fields = ((await (await h.asApp(route`/rest/api/3/field`)).json()) as unknown[]).map((f) => FieldDetails.parse(f));
    expect(fields.find((f) => f.name === 'Team')?.schema?.custom).toBe('com.atlassian.teams:rm-teams-custom-field-team');
  });
});
