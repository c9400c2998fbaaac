import { platformResponse } from '../events/platform-response';

/**
 * The two GraphQL mutations @forge/realtime posts to `{ type: 'realtime' }` at path `/`:
 * `publishRealtimeChannel` (publish and publishGlobal) and `signRealtimeToken`. Field-level
 * problems come back the GraphQL way, HTTP 200 with `errors`, which the SDK returns as
 * `{ eventId: null, eventTimestamp: null, errors }` (publish) or `{ token: null, ... }`.
 */
export interface PublishVariables {
  installationId: unknown;
  name: unknown;
  payload: unknown;
  context?: unknown;
  isGlobal?: unknown;
  token?: unknown;
}

export interface SignVariables {
  channelName: unknown;
  claims: unknown;
  permissions?: unknown;
}

export type RealtimeOperation =
  { kind: 'publish'; variables: PublishVariables } | { kind: 'sign'; variables: SignVariables } | { kind: 'invalid'; message: string };

export function parseOperation(body: string | undefined): RealtimeOperation {
  let request: { query?: unknown; variables?: unknown };
  try {
    request = JSON.parse(body ?? '') as typeof request;
  } catch {
    return { kind: 'invalid', message: 'The request body must be a GraphQL request in JSON.' };
  }
  const variables = typeof request.variables === 'object' && request.variables !== null ? request.variables : {};
  if (typeof request.query !== 'string') return { kind: 'invalid', message: 'A GraphQL query is required.' };
  if (request.query.includes('publishRealtimeChannel')) return { kind: 'publish', variables: variables as PublishVariables };
  if (request.query.includes('signRealtimeToken')) return { kind: 'sign', variables: variables as SignVariables };
  return { kind: 'invalid', message: 'The sandbox realtime service only answers publishRealtimeChannel and signRealtimeToken.' };
}

export function graphqlError(message: string, errorType: string, statusCode: number): Response {
  return platformResponse(200, { errors: [{ message, extensions: { errorType, statusCode } }] });
}

export function publishedAnswer(eventId: string, eventTimestamp: string): Response {
  return platformResponse(200, { data: { ecosystem: { publishRealtimeChannel: { eventId, eventTimestamp } } } });
}

export function signedAnswer(jwt: string, expiresAt: string): Response {
  return platformResponse(200, {
    data: { ecosystem: { signRealtimeToken: { success: true, errors: null, forgeRealtimeToken: { jwt, expiresAt } } } }
  });
}
