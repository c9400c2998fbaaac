/**
 * The site's Atlassian platform GraphQL door: `requestGraph` posts to `fpp:stargate` `/graphql`,
 * which the events service (owner of `fpp:stargate`) hands here. Only TEAM_MEMBERS_QUERY is
 * served; any other document gets the gateway's validation error. Every request is metered as
 * `jira.requests` (`POST /graphql teamV2`) and may take an injected `jira` fault.
 */
import { platformResponse } from '../../events/platform-response';
import { SlidingWindow } from '../../events/sliding-window';
import type { FaultInjector } from '../../runtime/faults';
import type { ServiceRequest } from '../../runtime/forge-seam';
import type { UsageMeter } from '../../runtime/usage-meter';
import { FAULT_RETRY_AFTER_SECONDS } from '../fault-replies';
import { seamPrincipal } from '../jira-doors';
import type { SiteState } from '../site-state';
import { errorAnswer, gatewayError, validationError } from './gateway-errors';
import { resolveTeamMembers } from './team-members-resolver';
import { SERVED_QUERY, TEAM_MEMBER_READS_PER_MINUTE, TeamMembersVariables, normaliseQuery } from './team-members-query';

export interface GraphqlDeps {
  state: SiteState;
  meter: UsageMeter;
  faults: FaultInjector;
  now: () => number;
  appScopes: () => ReadonlySet<string>;
}

const OPERATION = 'POST /graphql teamV2';

function readRequest(body: string | undefined): { query?: unknown; variables?: unknown } | undefined {
  try {
    const parsed = JSON.parse(body ?? '') as unknown;
    return typeof parsed === 'object' && parsed !== null ? (parsed as { query?: unknown; variables?: unknown }) : undefined;
  } catch {
    return undefined;
  }
}

/** `X-ExperimentalApi` as a list, however the caller joined its values. */
function optIns(request: ServiceRequest): string[] {
  return (request.headers['x-experimentalapi'] ?? '')
    .split(',')
    .map((v) => v.trim())
    .filter(Boolean);
}

function faultAnswer(kind: string): Response {
  const rateLimited = kind === 'http429';
  const [status, classification, message] = rateLimited
    ? [429, 'RateLimitingException', 'Rate limit exceeded.']
    : [503, 'ServiceUnavailable', 'Service Unavailable. Please try again later.'];
  return errorAnswer(status, [gatewayError(status, classification, message)], undefined, {
    'retry-after': String(FAULT_RETRY_AFTER_SECONDS)
  });
}

export function graphqlHandler(deps: GraphqlDeps) {
  const memberReads = new Map<string, SlidingWindow>();

  return async (request: ServiceRequest): Promise<Response> => {
    if (request.path !== '/graphql')
      return platformResponse(404, { message: `The sandbox does not emulate the stargate path ${request.path}.` });
    if (request.method !== 'POST') return platformResponse(405, { message: 'The GraphQL gateway takes POST requests.' });
    const graphql = readRequest(request.body);
    const served = typeof graphql?.query === 'string' && normaliseQuery(graphql.query) === SERVED_QUERY;
    const operation = served ? OPERATION : 'POST /graphql';
    deps.meter.record('jira.requests', 1, operation);
    const fault = deps.faults.take('jira', operation);
    if (fault) return faultAnswer(fault.kind);

    const principal = seamPrincipal(deps.state, request);
    if (principal.kind === 'anonymous')
      return errorAnswer(401, [gatewayError(401, 'Unauthorized', 'Authentication is required to call the GraphQL gateway.')]);
    if (!graphql) return errorAnswer(400, [gatewayError(400, 'InvalidSyntax', 'The request body must be a JSON GraphQL request.')]);
    if (!served)
      return validationError(
        'The sandbox serves one GraphQL document, the Team Query in sandbox/jira/README.md; this one is unknown to it.'
      );
    const variables = TeamMembersVariables.safeParse(graphql.variables ?? {});
    if (!variables.success) {
      const name = String(variables.error.issues[0].path[0] ?? 'variables');
      return validationError(`Variable '${name}' has an invalid value: ${variables.error.issues[0].message}`);
    }

    const who = principal.kind === 'app' ? 'app' : principal.accountId;
    const window = memberReads.get(who) ?? new SlidingWindow(TEAM_MEMBER_READS_PER_MINUTE, 60_000);
    memberReads.set(who, window);
    if (!window.admit(deps.now())) {
      const retryAfter = Math.max(1, Math.ceil(window.msUntilRoom(deps.now()) / 1000));
      return errorAnswer(
        429,
        [gatewayError(429, 'RateLimitingException', `Rate limit exceeded: ${TEAM_MEMBER_READS_PER_MINUTE} team member reads per minute.`)],
        undefined,
        { 'retry-after': String(retryAfter) }
      );
    }
    const { data, errors } = resolveTeamMembers({
      state: deps.state,
      principal,
      optIns: optIns(request),
      scopes: deps.appScopes(),
      variables: variables.data
    });
    if (errors.length > 0) return errorAnswer(200, errors, data);
    return platformResponse(200, { data });
  };
}
