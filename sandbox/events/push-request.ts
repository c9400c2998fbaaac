import type { EventConcurrency } from './async-event';
import { platformResponse } from './platform-response';

/**
 * The platform's side of `Queue.push`: the SDK validates before sending, but the platform
 * validates again (an app can pass its own apiClient to Queue), so these checks mirror
 * @forge/events' validators and texts. Request-level problems fail the whole push; a bad
 * event fails alone and comes back in a 202 as a PartialSuccessError's failedEvents.
 */
export const MAX_EVENTS_PER_PUSH = 50;
export const MAX_PUSH_PAYLOAD_KB = 200;
export const MAX_DELAY_SECONDS = 900;
const QUEUE_NAME = /^[a-zA-Z0-9-_]+$/;

export interface AcceptedEvent {
  index: number;
  body: Record<string, unknown>;
  delayInSeconds?: number;
  concurrency?: EventConcurrency;
}

export interface RejectedEvent {
  index: number;
  errorMessage: string;
}

export interface PushRequest {
  queueName: string;
  jobId: string;
  accepted: AcceptedEvent[];
  rejected: RejectedEvent[];
}

export type ParsedPush = { ok: true; push: PushRequest } | { ok: false; response: Response };

export function parsePushRequest(raw: string | undefined): ParsedPush {
  const request = parseObject(raw);
  if (!request) return fail(400, 'The request body must be a JSON object.');
  const { queueName, jobId, payload } = request;
  if (typeof queueName !== 'string' || !QUEUE_NAME.test(queueName)) {
    return fail(400, 'Queue names can only contain alphanumeric characters, dashes and underscores.');
  }
  if (typeof jobId !== 'string' || jobId.length === 0) return fail(400, 'jobId cannot be empty.');
  if (!Array.isArray(payload) || payload.length === 0) return fail(400, 'No events pushed.');
  if (payload.length > MAX_EVENTS_PER_PUSH) {
    return fail(400, `This push contains more than the ${MAX_EVENTS_PER_PUSH} events allowed.`);
  }
  if (Buffer.byteLength(JSON.stringify(payload)) / 1024 > MAX_PUSH_PAYLOAD_KB) {
    // The SDK reads `errorMessage` from a 413 into PayloadTooBigError.
    return { ok: false, response: platformResponse(413, { errorMessage: `The maximum payload size is ${MAX_PUSH_PAYLOAD_KB}KB.` }) };
  }
  const push: PushRequest = { queueName, jobId, accepted: [], rejected: [] };
  payload.forEach((event: unknown, index) => {
    const problem = eventProblem(event);
    if (problem) push.rejected.push({ index, errorMessage: problem });
    else push.accepted.push(acceptedEvent(event as Record<string, unknown>, index));
  });
  return { ok: true, push };
}

function eventProblem(event: unknown): string | undefined {
  if (!isObject(event)) return 'Event must be an object.';
  if (!isObject(event.body)) return 'Event body must be an object.';
  const delay = event.delayInSeconds;
  if (delay !== undefined && (typeof delay !== 'number' || !Number.isFinite(delay) || delay < 0 || delay > MAX_DELAY_SECONDS)) {
    return `The delayInSeconds setting must be between 0 and ${MAX_DELAY_SECONDS}.`;
  }
  const concurrency = event.concurrency;
  if (concurrency !== undefined) {
    // Forge documents no maximum for `limit`; it must at least be a usable slot count.
    const valid =
      isObject(concurrency) &&
      typeof concurrency.key === 'string' &&
      concurrency.key.length > 0 &&
      Number.isInteger(concurrency.limit) &&
      (concurrency.limit as number) > 0;
    if (!valid) return 'The concurrency setting needs a non-empty key and a positive integer limit.';
  }
  return undefined;
}

function acceptedEvent(event: Record<string, unknown>, index: number): AcceptedEvent {
  const accepted: AcceptedEvent = { index, body: event.body as Record<string, unknown> };
  if (typeof event.delayInSeconds === 'number') accepted.delayInSeconds = event.delayInSeconds;
  if (isObject(event.concurrency)) {
    accepted.concurrency = { key: event.concurrency.key as string, limit: event.concurrency.limit as number };
  }
  return accepted;
}

function parseObject(raw: string | undefined): Record<string, unknown> | undefined {
  if (raw === undefined) return undefined;
  try {
    const value: unknown = JSON.parse(raw);
    return isObject(value) ? value : undefined;
  } catch {
    return undefined;
  }
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function fail(status: number, message: string): ParsedPush {
  return { ok: false, response: platformResponse(status, { message }) };
}
