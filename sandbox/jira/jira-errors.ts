/**
 * Jira's error answers. The platform API (`/rest/api/3`) answers `{ errorMessages, errors }`;
 * JSM's API (`/rest/servicedeskapi`) answers `{ errorMessage, i18nErrorMessage }`; the API gateway
 * in front of both answers `{ code, message }` (scope mismatch). Routes throw a JiraError and
 * the router renders it in the family of the route that threw.
 */
export type ApiFamily = 'platform' | 'servicedesk' | 'teams';

export interface JiraReply {
  status: number;
  headers: Record<string, string>;
  body: unknown;
}

export class JiraError extends Error {
  constructor(
    readonly status: number,
    readonly errorMessages: string[],
    readonly errors: Record<string, string> = {},
    /** JSM's i18n key for the message (JSM answers carry one). */
    readonly i18nKey = 'sd.error.generic',
    readonly headers: Record<string, string> = {},
    /** A body that is not in either API's shape (gateway and rate-limit answers). */
    readonly rawBody?: unknown
  ) {
    super(errorMessages[0] ?? Object.values(errors)[0] ?? `HTTP ${status}`);
  }
}

export function badRequest(errorMessages: string[], errors: Record<string, string> = {}, i18nKey?: string): JiraError {
  return new JiraError(400, errorMessages, errors, i18nKey);
}

export function fieldErrors(errors: Record<string, string>, i18nKey?: string): JiraError {
  return new JiraError(400, [], errors, i18nKey);
}

export function notFound(message: string, i18nKey?: string): JiraError {
  return new JiraError(404, [message], {}, i18nKey);
}

export function forbidden(message: string, i18nKey?: string): JiraError {
  return new JiraError(403, [message], {}, i18nKey);
}

/** What Jira answers a request that reaches it with no user where one is needed. */
export function notAuthenticated(): JiraError {
  return new JiraError(401, ['Client must be authenticated to access this resource.'], {}, 'sd.error.authentication.required');
}

/** The gateway's answer when the token's scopes do not cover the operation. */
export function scopeMismatch(): JiraError {
  return new JiraError(
    401,
    ['Unauthorized; scope does not match'],
    {},
    undefined,
    {},
    { code: 401, message: 'Unauthorized; scope does not match' }
  );
}

export function renderError(error: JiraError, family: ApiFamily): JiraReply {
  const headers = { ...error.headers };
  if (error.rawBody !== undefined) return { status: error.status, headers, body: error.rawBody };
  if (family === 'servicedesk') {
    const message = [...error.errorMessages, ...Object.values(error.errors)].join(' ');
    return {
      status: error.status,
      headers,
      body: { errorMessage: message, i18nErrorMessage: { i18nKey: error.i18nKey, parameters: [] } }
    };
  }
  return { status: error.status, headers, body: { errorMessages: error.errorMessages, errors: error.errors } };
}
