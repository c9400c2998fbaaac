import api, { __getRuntime } from '@forge/api';
import { z } from 'zod';
import type { TeamMembers } from '../../app/ports/jira';
import { JiraError } from '../../app/ports/jira-error';
import { jiraErrorFromStatus, jiraUnreachable } from './jira-error';

/**
 * R3: an Atlassian team's members, through the platform GraphQL API (`requestGraph`), the one
 * route to Teams a Forge app has (the Teams REST API is closed to Forge apps). The Team Query
 * is in beta: it takes the `X-ExperimentalApi` opt-ins. Pages of 50 while `hasNextPage`; R4
 * only needs to know whether there are more than `limit`, so paging stops once past it.
 */
const TEAM_MEMBERS_QUERY = `query TeamMembers($teamId: ID!, $siteId: String!, $first: Int!, $after: String) {
  team {
    teamV2(id: $teamId, siteId: $siteId) {
      id
      displayName
      members(first: $first, after: $after) {
        nodes { state role member { accountId name } }
        pageInfo { hasNextPage endCursor }
      }
    }
  }
}`;

const BETA_HEADERS = { 'X-ExperimentalApi': 'teams-beta, team-members-beta' };
const PAGE = 50;

const Answer = z.object({
  data: z
    .object({
      team: z
        .object({
          teamV2: z
            .object({
              displayName: z.string().optional(),
              members: z
                .object({
                  nodes: z.array(
                    z.object({ state: z.string().optional(), member: z.object({ accountId: z.string() }).nullable().optional() })
                  ),
                  pageInfo: z.object({ hasNextPage: z.boolean(), endCursor: z.string().nullable().optional() })
                })
                .nullable()
            })
            .nullable()
        })
        .nullable()
        .optional()
    })
    .nullable()
    .optional(),
  errors: z
    .array(z.object({ message: z.string(), extensions: z.object({ classification: z.string().optional() }).passthrough().optional() }))
    .optional()
});

/** The site's cloud id, from the invocation's context ARI (`ari:cloud:jira::site/<cloudId>`). */
function siteId(): string {
  const ari = __getRuntime().contextAri ?? '';
  return ari.slice(ari.lastIndexOf('/') + 1);
}

export async function teamMembers(teamId: string, limit: number): Promise<TeamMembers> {
  const ids = new Set<string>();
  let name: string | null = null;
  let after: string | null = null;
  for (;;) {
    const variables = { teamId: `ari:cloud:identity::team/${teamId}`, siteId: siteId(), first: PAGE, after };
    let response;
    try {
      response = await api.asApp().requestGraph(TEAM_MEMBERS_QUERY, variables, BETA_HEADERS);
    } catch (error) {
      throw jiraUnreachable(error);
    }
    const text = await response.text();
    if (!response.ok)
      throw jiraErrorFromStatus(
        response.status,
        `Team Query answered ${response.status}: ${text.slice(0, 200)}`,
        response.headers.get('retry-after')
      );
    const parsed = Answer.safeParse(JSON.parse(text));
    if (!parsed.success) throw new JiraError(502, `Unexpected answer from the Team Query: ${parsed.error.message}`, false, 0);
    const team = parsed.data.data?.team?.teamV2;
    const errors = parsed.data.errors ?? [];
    if (!team || !team.members) {
      if (errors.some((e) => e.extensions?.classification === 'NotFound') || (!team && errors.length === 0))
        return { found: false, name: null, memberIds: [], truncated: false };
      throw new JiraError(502, `Team Query: ${errors.map((e) => e.message).join('; ') || 'no members in the answer'}`, false, 0);
    }
    name = team.displayName ?? name;
    for (const node of team.members.nodes) {
      if (node.member && (node.state ?? 'FULL_MEMBER') === 'FULL_MEMBER') ids.add(node.member.accountId);
    }
    const { hasNextPage, endCursor } = team.members.pageInfo;
    if (!hasNextPage || !endCursor) return { found: true, name, memberIds: [...ids], truncated: false };
    if (ids.size > limit) return { found: true, name, memberIds: [...ids], truncated: true };
    after = endCursor;
  }
}
