/**
 * Resolves TEAM_MEMBERS_QUERY against the site, field by field as the gateway does: a field the
 * caller may not read (no beta opt-in, no scope, not allowed, not found) comes back null with an
 * error naming it, and the fields above it survive. Members are paged by an opaque cursor bound
 * to the team.
 */
import type { z } from 'zod';
import { SANDBOX_CLOUD_ID } from '../../runtime/forge-seam';
import type { Principal } from '../permissions';
import type { Team } from '../site-model';
import type { SiteState } from '../site-state';
import { gatewayError, type GatewayError } from './gateway-errors';
import {
  MAX_MEMBERS_PAGE,
  TEAM_ARI_PREFIX,
  TEAM_MEMBERSHIP_SCOPE,
  TEAM_SCOPE,
  teamAri,
  type TeamMembersVariables
} from './team-members-query';

const TEAM_PATH = ['team', 'teamV2'];
const MEMBERS_PATH = [...TEAM_PATH, 'members'];

export interface TeamQueryInput {
  state: SiteState;
  principal: Exclude<Principal, { kind: 'anonymous' }>;
  /** The `X-ExperimentalApi` values the request carried. */
  optIns: string[];
  scopes: ReadonlySet<string>;
  variables: z.infer<typeof TeamMembersVariables>;
}

export interface TeamQueryResult {
  data: unknown;
  errors: GatewayError[];
}

const encodeCursor = (teamId: string, offset: number) => Buffer.from(JSON.stringify({ t: teamId, o: offset })).toString('base64url');

function decodeCursor(cursor: string, teamId: string): number | undefined {
  try {
    const parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as { t?: unknown; o?: unknown };
    return parsed.t === teamId && typeof parsed.o === 'number' && Number.isInteger(parsed.o) && parsed.o >= 0 ? parsed.o : undefined;
  } catch {
    return undefined;
  }
}

const betaRequired = (header: string, path: string[]) =>
  gatewayError(400, 'BetaHeaderOptInException', `This field is in beta: opt in with the header X-ExperimentalApi: ${header}.`, path);

const scopeRequired = (scope: string, path: string[]) =>
  gatewayError(403, 'InsufficientOAuthScopes', 'This request does not contain the right authorisation scopes to access this field.', path, {
    required_scopes: [scope]
  });

function findTeam(state: SiteState, variables: TeamQueryInput['variables']): Team | undefined {
  if (!variables.teamId.startsWith(TEAM_ARI_PREFIX) || variables.siteId !== SANDBOX_CLOUD_ID) return undefined;
  return state.teams.get(variables.teamId.slice(TEAM_ARI_PREFIX.length));
}

function resolveMembers(input: TeamQueryInput, team: Team): { members: unknown; error?: GatewayError } {
  if (!input.optIns.includes('team-members-beta')) return { members: null, error: betaRequired('team-members-beta', MEMBERS_PATH) };
  if (!input.scopes.has(TEAM_MEMBERSHIP_SCOPE)) return { members: null, error: scopeRequired(TEAM_MEMBERSHIP_SCOPE, MEMBERS_PATH) };
  const { first, after } = input.variables;
  if (first < 1 || first > MAX_MEMBERS_PAGE) {
    return {
      members: null,
      error: gatewayError(400, 'ValidationError', `Argument 'first' must be between 1 and ${MAX_MEMBERS_PAGE}.`, MEMBERS_PATH)
    };
  }
  const offset = after ? decodeCursor(after, team.id) : 0;
  if (offset === undefined)
    return {
      members: null,
      error: gatewayError(400, 'ValidationError', `The cursor '${after}' is not valid for this team.`, MEMBERS_PATH)
    };
  const page = team.members.slice(offset, offset + first);
  const nodes = page.map((accountId) => ({
    state: 'FULL_MEMBER',
    role: 'REGULAR',
    member: { accountId, name: input.state.user(accountId)?.displayName ?? accountId }
  }));
  const end = offset + page.length;
  return {
    members: { nodes, pageInfo: { hasNextPage: end < team.members.length, endCursor: page.length > 0 ? encodeCursor(team.id, end) : null } }
  };
}

export function resolveTeamMembers(input: TeamQueryInput): TeamQueryResult {
  const noTeam = (error: GatewayError): TeamQueryResult => ({ data: { team: { teamV2: null } }, errors: [error] });
  if (!input.optIns.includes('teams-beta')) return noTeam(betaRequired('teams-beta', TEAM_PATH));
  if (!input.scopes.has(TEAM_SCOPE)) return noTeam(scopeRequired(TEAM_SCOPE, TEAM_PATH));
  // Teams are for the organisation's licensed users; portal customers are not in it.
  const caller = input.principal.kind === 'user' ? input.state.user(input.principal.accountId) : undefined;
  if (caller?.accountType === 'customer')
    return noTeam(gatewayError(403, 'TEAMS_FORBIDDEN', 'You do not have permission to view this team.', TEAM_PATH));
  const team = findTeam(input.state, input.variables);
  if (!team)
    return noTeam(gatewayError(404, 'NotFound', `No team ${input.variables.teamId} on site ${input.variables.siteId}.`, TEAM_PATH));
  const { members, error } = resolveMembers(input, team);
  return { data: { team: { teamV2: { id: teamAri(team.id), displayName: team.displayName, members } } }, errors: error ? [error] : [] };
}
