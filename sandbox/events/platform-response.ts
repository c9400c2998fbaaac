import { STATUS_CODES } from 'node:http';

/**
 * A JSON answer with the standard reason phrase as statusText. The seam's `jsonResponse`
 * leaves statusText empty, but the SDKs read it: @forge/realtime turns a 429 into
 * 'RATE_LIMIT_EXCEEDED' only when statusText is 'Too Many Requests', and @forge/events puts
 * it in its InternalServerError message.
 */
export function platformResponse(status: number, body?: unknown, headers: Record<string, string> = {}): Response {
  return new Response(body === undefined ? null : JSON.stringify(body), {
    status,
    statusText: STATUS_CODES[status] ?? '',
    headers: { 'content-type': 'application/json', ...headers }
  });
}
