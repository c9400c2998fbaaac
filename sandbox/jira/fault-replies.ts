/**
 * How the site answers an injected fault, before doing any work (so nothing changes): a 429
 * with Jira's rate-limit headers, or a 503 with a Retry-After, which Atlassian documents for
 * transient server-side limits. Both carry the platform API's error body.
 */
import type { InjectedFault } from '../runtime/faults';
import type { JiraReply } from './jira-errors';

export const FAULT_RETRY_AFTER_SECONDS = 5;

/** `X-RateLimit-Reset` is an ISO 8601 minute, `yyyy-MM-ddTHH:mmZ`, when the limit resets. */
function resetAt(now: number): string {
  return `${new Date(now + FAULT_RETRY_AFTER_SECONDS * 1000).toISOString().slice(0, 16)}Z`;
}

export function faultReply(fault: InjectedFault, now: number): JiraReply {
  if (fault.kind === 'http429') {
    return {
      status: 429,
      headers: {
        'retry-after': String(FAULT_RETRY_AFTER_SECONDS),
        'x-ratelimit-reset': resetAt(now),
        'x-ratelimit-limit': '100',
        'x-ratelimit-remaining': '0',
        'ratelimit-reason': 'jira-burst-based'
      },
      body: { errorMessages: ['Rate limit exceeded.'], errors: {} }
    };
  }
  // http5xx, and any kind that has no Jira meaning, fail the call as the server would.
  return {
    status: 503,
    headers: { 'retry-after': String(FAULT_RETRY_AFTER_SECONDS) },
    body: { errorMessages: ['Service Unavailable. Please try again later.'], errors: {} }
  };
}
