/**
 * The one Atlassian platform GraphQL query the sandbox serves: a Team's members. Atlassian
 * documents teams as readable through the platform GraphQL API (the teams REST API is closed to
 * Forge apps); a Forge app sends it with `api.asApp().requestGraph(TEAM_MEMBERS_QUERY,
 * variables, TEAMS_BETA_HEADERS)`, which reaches the seam as `fpp:stargate` `POST /graphql`.
 * The query's shape follows the `team { teamV2(id, siteId) { members { nodes { member } } } }`
 * Team Query, paged Relay-style with `first`/`after`.
 */
import { z } from 'zod';

export const TEAM_MEMBERS_QUERY = `query TeamMembers($teamId: ID!, $siteId: String!, $first: Int!, $after: String) {
  team {
    teamV2(id: $teamId, siteId: $siteId) {
      id
      displayName
      members(first: $first, after: $after) {
        nodes {
          state
          role
          member {
            accountId
            name
          }
        }
        pageInfo {
          hasNextPage
          endCursor
        }
      }
    }
  }
}`;

/** The Team Query is in beta: reading a team takes `teams-beta`, reading its members `team-members-beta`. */
export const TEAMS_BETA_HEADERS = { 'X-ExperimentalApi': 'teams-beta, team-members-beta' };

/** Forge scopes (both in @forge/manifest's list): the team, and its members. */
export const TEAM_SCOPE = 'view:team:teams';
export const TEAM_MEMBERSHIP_SCOPE = 'view:membership:teams';

/** Team Query rate limits, per user (the app's account for `asApp()`), per minute. */
export const TEAM_MEMBER_READS_PER_MINUTE = 20;

/** The sandbox's cap on `first` (Atlassian does not document one). */
export const MAX_MEMBERS_PAGE = 100;

export const TEAM_ARI_PREFIX = 'ari:cloud:identity::team/';

/** A team's ARI, what `teamV2(id:)` takes; the Team field holds the bare id. */
export const teamAri = (teamId: string): string => `${TEAM_ARI_PREFIX}${teamId}`;

/**
 * GraphQL ignores whitespace, commas and comments between tokens, and so does this comparison;
 * the operation's name is the app's to choose.
 */
export function normaliseQuery(query: string): string {
  return query
    .replace(/#[^\n\r]*/g, ' ')
    .replace(/[\s,]+/g, ' ')
    .replace(/ ?([{}():!$=@[\]]) ?/g, '$1')
    .trim()
    .replace(/^query [_A-Za-z][_0-9A-Za-z]*/, 'query');
}

export const SERVED_QUERY = normaliseQuery(TEAM_MEMBERS_QUERY);

/** The variables as GraphQL coerces them: `teamId`, `siteId`, `first` non-null, `after` nullable. */
export const TeamMembersVariables = z.object({
  teamId: z.string(),
  siteId: z.string(),
  first: z.number().int(),
  after: z.string().nullable().optional()
});

export type MemberState = 'FULL_MEMBER' | 'INVITED' | 'ALUMNI';

/** The answer's shape (ours: jira.js does not cover the GraphQL API); `errors` sit beside it. */
export const TeamMembersData = z.strictObject({
  team: z.strictObject({
    teamV2: z
      .strictObject({
        id: z.string(),
        displayName: z.string(),
        members: z
          .strictObject({
            nodes: z.array(
              z.strictObject({
                state: z.enum(['FULL_MEMBER', 'INVITED', 'ALUMNI']),
                role: z.enum(['REGULAR', 'ADMIN']),
                member: z.strictObject({ accountId: z.string(), name: z.string() })
              })
            ),
            pageInfo: z.strictObject({ hasNextPage: z.boolean(), endCursor: z.string().nullable() })
          })
          .nullable()
      })
      .nullable()
  })
});
