/**
 * How the Atlassian GraphQL gateway answers problems: a GraphQL body with `errors`, each with
 * `extensions.statusCode` and `extensions.classification`. Validation and field-level problems
 * (an unknown query, a bad variable, a missing scope or beta opt-in, a team not found) come back
 * with HTTP 200, the fields they hit set to null; only authentication and rate limiting fail at
 * the HTTP level. The classifications are those public clients of the gateway handle
 * (`ValidationError`, `InsufficientOAuthScopes`, `BetaHeaderOptInException`, `TEAMS_FORBIDDEN`);
 * the messages are the sandbox's.
 */
import { z } from 'zod';
import { platformResponse } from '../../events/platform-response';

export interface GatewayError {
  message: string;
  /** The field the error is about (`['team', 'teamV2']`); absent for request-level errors. */
  path?: string[];
  extensions: { statusCode: number; classification: string; [key: string]: unknown };
}

export const GatewayErrorSchema = z.strictObject({
  message: z.string(),
  path: z.array(z.string()).optional(),
  extensions: z.looseObject({ statusCode: z.number().int(), classification: z.string() })
});

export function gatewayError(
  statusCode: number,
  classification: string,
  message: string,
  path?: string[],
  more: Record<string, unknown> = {}
): GatewayError {
  return { message, ...(path ? { path } : {}), extensions: { statusCode, classification, ...more } };
}

/** An answer with `errors` (and the `data` that survived, when any). */
export function errorAnswer(httpStatus: number, errors: GatewayError[], data?: unknown, headers: Record<string, string> = {}): Response {
  return platformResponse(httpStatus, { ...(data === undefined ? {} : { data }), errors }, headers);
}

/** A request-level validation failure: no `data` at all, as GraphQL answers one. */
export function validationError(message: string): Response {
  return errorAnswer(200, [gatewayError(400, 'ValidationError', message)]);
}
