import type { APIResponse } from '@forge/api';
import { z } from 'zod';
import { SANDBOX_CLOUD_ID } from '../runtime/forge-seam';
import { SUPPORT_TEAM_ID } from './demo-site';
import { GatewayErrorSchema } from './graphql/gateway-errors';
import {
  TEAMS_BETA_HEADERS,
  TEAM_MEMBERSHIP_SCOPE,
  TEAM_MEMBERS_QUERY,
  TEAM_MEMBER_READS_PER_MINUTE,
  TEAM_SCOPE,
  TeamMembersData,
  teamAri
} from './graphql/team-members-query';
import { DEFAULT_APP_SCOPES } from './jira-site';
import { siteHarness } from './site-harness';

const Answer = z.strictObject({ data: TeamMembersData.optional(), errors: z.array(GatewayErrorSchema).optional() });

const supportTeam = (extra: Record<string, unknown> = {}) => ({
  teamId: teamAri(SUPPORT_TEAM_ID),
  siteId: SANDBOX_CLOUD_ID,
  first: 50,
  ...extra
});

async function answer(response: APIResponse) {
  return Answer.parse(await response.json());
}

const memberIds = (a: z.infer<typeof Answer>) => a.data?.team.teamV2?.members?.nodes.map((n) => n.member.accountId);

describe('the Team Query through requestGraph', () => {
  it("answers a team's members, metered as a Jira request", async () => {
    const h = siteHarness();
    const response = await h.graph(TEAM_MEMBERS_QUERY, supportTeam(), TEAMS_BETA_HEADERS);
    expect(response.status).toBe(200);
    const read = await answer(response);
    expect(read.errors).toBeUndefined();
    expect(read.data?.team.teamV2).toMatchObject({ id: teamAri(SUPPORT_TEAM_ID), displayName: 'Support team' });
    expect(read.data?.team.teamV2?.members?.nodes[0]).toEqual({
      state: 'FULL_MEMBER',
      role: 'REGULAR',
      member: { accountId: 'agent-ana', name: 'Ana Souza' }
    });
    expect(memberIds(read)).toEqual(['agent-ana', 'agent-ben', 'agent-chen']);
    expect(h.meter.snapshot().byDetail['jira.requests POST /graphql teamV2']).toBe(1);
  });

  it('pages members with first/after, and sees membership changes', async () => {
    const h = siteHarness();
    const first = await answer(await h.graph(TEAM_MEMBERS_QUERY, supportTeam({ first: 2 }), TEAMS_BETA_HEADERS));
    expect(memberIds(first)).toEqual(['agent-ana', 'agent-ben']);
    const pageInfo = first.data?.team.teamV2?.members?.pageInfo;
    expect(pageInfo?.hasNextPage).toBe(true);
    const second = await answer(
      await h.graph(TEAM_MEMBERS_QUERY, supportTeam({ first: 2, after: pageInfo?.endCursor }), TEAMS_BETA_HEADERS)
    );
    expect(memberIds(second)).toEqual(['agent-chen']);
    expect(second.data?.team.teamV2?.members?.pageInfo.hasNextPage).toBe(false);
    h.site.setTeamMembers(SUPPORT_TEAM_ID, ['agent-ben']);
    expect(memberIds(await answer(await h.graph(TEAM_MEMBERS_QUERY, supportTeam(), TEAMS_BETA_HEADERS)))).toEqual(['agent-ben']);
  });

  it('accepts the query however it is laid out and named', async () => {
    const h = siteHarness();
    const reformatted = TEAM_MEMBERS_QUERY.replace('query TeamMembers', 'query SupportRoster').replace(/\n\s*/g, ' ').replace(/, /g, ' ');
    expect(memberIds(await answer(await h.graph(reformatted, supportTeam(), TEAMS_BETA_HEADERS)))).toHaveLength(3);
  });

  it('answers any other document with the validation error, and bad variables likewise', async () => {
    const h = siteHarness();
    const other = await answer(await h.graph('query { me { user { accountId } } }', undefined, TEAMS_BETA_HEADERS));
    expect(other.data).toBeUndefined();
    expect(other.errors?.[0].extensions.classification).toBe('ValidationError');
    expect(h.meter.snapshot().byDetail['jira.requests POST /graphql']).toBe(1);
    const badFirst = await answer(await h.graph(TEAM_MEMBERS_QUERY, supportTeam({ first: '2' }), TEAMS_BETA_HEADERS));
    expect(badFirst.errors?.[0].message).toMatch(/^Variable 'first' has an invalid value/);
  });

  it('needs the beta opt-ins: without them the team, then its members, come back null', async () => {
    const h = siteHarness();
    const none = await answer(await h.graph(TEAM_MEMBERS_QUERY, supportTeam()));
    expect(none.data?.team.teamV2).toBeNull();
    expect(none.errors?.[0]).toMatchObject({ path: ['team', 'teamV2'], extensions: { classification: 'BetaHeaderOptInException' } });
    const teamOnly = await answer(await h.graph(TEAM_MEMBERS_QUERY, supportTeam(), { 'X-ExperimentalApi': 'teams-beta' }));
    expect(teamOnly.data?.team.teamV2?.displayName).toBe('Support team');
    expect(teamOnly.data?.team.teamV2?.members).toBeNull();
    expect(teamOnly.errors?.[0].path).toEqual(['team', 'teamV2', 'members']);
  });

  it('needs view:team:teams for the team and view:membership:teams for its members', async () => {
    const withoutMembership = siteHarness({ appScopes: DEFAULT_APP_SCOPES.filter((s) => s !== TEAM_MEMBERSHIP_SCOPE) });
    const partial = await answer(await withoutMembership.graph(TEAM_MEMBERS_QUERY, supportTeam(), TEAMS_BETA_HEADERS));
    expect(partial.data?.team.teamV2?.members).toBeNull();
    expect(partial.errors?.[0].extensions).toMatchObject({
      statusCode: 403,
      classification: 'InsufficientOAuthScopes',
      required_scopes: [TEAM_MEMBERSHIP_SCOPE]
    });
    const withoutTeams = siteHarness({ appScopes: DEFAULT_APP_SCOPES.filter((s) => s !== TEAM_SCOPE) });
    const refused = await answer(await withoutTeams.graph(TEAM_MEMBERS_QUERY, supportTeam(), TEAMS_BETA_HEADERS));
    expect(refused.data?.team.teamV2).toBeNull();
  });

  it('finds no team for an unknown id, a bare id or another site', async () => {
    const h = siteHarness();
    for (const variables of [
      supportTeam({ teamId: teamAri('no-such-team') }),
      supportTeam({ teamId: SUPPORT_TEAM_ID }),
      supportTeam({ siteId: 'another-cloud-id' })
    ]) {
      const read = await answer(await h.graph(TEAM_MEMBERS_QUERY, variables, TEAMS_BETA_HEADERS));
      expect(read.data?.team.teamV2).toBeNull();
      expect(read.errors?.[0].extensions).toMatchObject({ statusCode: 404, classification: 'NotFound' });
    }
  });

  it('lets agents read teams as themselves, not portal customers or anonymous callers', async () => {
    const h = siteHarness();
    expect(memberIds(await answer(await h.graph(TEAM_MEMBERS_QUERY, supportTeam(), TEAMS_BETA_HEADERS, 'agent-hana')))).toHaveLength(3);
    const customer = await answer(await h.graph(TEAM_MEMBERS_QUERY, supportTeam(), TEAMS_BETA_HEADERS, 'customer-dana'));
    expect(customer.data?.team.teamV2).toBeNull();
    expect(customer.errors?.[0].extensions).toMatchObject({ statusCode: 403, classification: 'TEAMS_FORBIDDEN' });
    h.site.setUserActive('agent-ben', false);
    expect((await h.graph(TEAM_MEMBERS_QUERY, supportTeam(), TEAMS_BETA_HEADERS, 'agent-ben')).status).toBe(401);
  });

  it(`limits member reads to ${TEAM_MEMBER_READS_PER_MINUTE} a minute per caller, with Retry-After`, async () => {
    const h = siteHarness();
    for (let i = 0; i < TEAM_MEMBER_READS_PER_MINUTE; i++) {
      expect((await h.graph(TEAM_MEMBERS_QUERY, supportTeam(), TEAMS_BETA_HEADERS)).status).toBe(200);
      await h.clock.advance(1000);
    }
    const limited = await h.graph(TEAM_MEMBERS_QUERY, supportTeam(), TEAMS_BETA_HEADERS);
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBe('40');
    expect((await answer(limited)).errors?.[0].extensions.classification).toBe('RateLimitingException');
    expect((await h.graph(TEAM_MEMBERS_QUERY, supportTeam(), TEAMS_BETA_HEADERS, 'agent-ana')).status).toBe(200);
    await h.clock.advance(40_000);
    expect((await h.graph(TEAM_MEMBERS_QUERY, supportTeam(), TEAMS_BETA_HEADERS)).status).toBe(200);
  });

  it('answers injected faults as the gateway fails, and leaves other stargate paths unserved', async () => {
    const h = siteHarness();
    h.faults.set([
      { target: 'jira', kind: 'http429', match: 'POST /graphql teamV2', times: 1 },
      { target: 'jira', kind: 'http5xx', match: 'POST /graphql teamV2', times: 1 }
    ]);
    const limited = await h.graph(TEAM_MEMBERS_QUERY, supportTeam(), TEAMS_BETA_HEADERS);
    expect([limited.status, limited.headers.get('retry-after')]).toEqual([429, '5']);
    expect((await h.graph(TEAM_MEMBERS_QUERY, supportTeam(), TEAMS_BETA_HEADERS)).status).toBe(503);
    expect((await h.graph(TEAM_MEMBERS_QUERY, supportTeam(), TEAMS_BETA_HEADERS)).status).toBe(200);
    const response = await h.site.graphqlHandler({
      target: { type: 'fpp', provider: 'app', remote: 'stargate' },
      path: '/graphql/twg',
      method: 'POST',
      headers: {},
      body: '{}',
      invocation: undefined
    });
    expect(response.status).toBe(404);
  });
});
