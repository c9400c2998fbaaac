import type { SandboxClock } from '../runtime/clock';
import type { FaultInjector } from '../runtime/faults';
import type { ForgeSeam, ServiceHandler, ServiceRequest } from '../runtime/forge-seam';
import type { UsageMeter } from '../runtime/usage-meter';
import type { DeliverEvent } from './async-event';
import { CyclicChains } from './cyclic-chain';
import { DeliveryScheduler } from './delivery-scheduler';
import { JobLedger, type JobView } from './job-ledger';
import { platformResponse } from './platform-response';
import { parsePushRequest } from './push-request';
import { SlidingWindow } from './sliding-window';

/**
 * Forge async events (`@forge/events` Queue) behind the seam key `fpp:stargate`: the SDK
 * posts to /webhook/queue/{publish,stats,cancel}/{contextAri}/... through
 * `__requestAtlassianAsApp`. Answers use the status codes the SDK maps to its errors:
 * 201 ok, 202 PartialSuccessError, 413 PayloadTooBigError, 429 RateLimitError,
 * 405 InvocationLimitReachedError, 404 JobDoesNotExistError.
 */
export const EVENTS_PER_MINUTE = 500;

export interface EventsServiceOptions {
  clock: SandboxClock;
  meter: UsageMeter;
  faults: FaultInjector;
  /** Runs the consumer of `queueKey` in a new invocation and resolves to what it returned. */
  deliver: DeliverEvent;
}

export interface EventsService {
  /**
   * Registers for `fpp:stargate`. Other stargate paths (GraphQL, app events) are not the
   * queue's: they go to `otherStargate` when given, else get a 404.
   */
  register(seam: ForgeSeam, otherStargate?: ServiceHandler): void;
  handle(request: ServiceRequest): Promise<Response>;
  /** Events still to be delivered or being delivered (lost and finished ones excluded). */
  pending(): number;
  /** Test hook: every job and where each of its events stands. */
  jobs(): JobView[];
}

export function createEventsService({ clock, meter, faults, deliver }: EventsServiceOptions): EventsService {
  const ledger = new JobLedger();
  const chains = new CyclicChains();
  const scheduler = new DeliveryScheduler(clock, faults, deliver, chains);
  const pushRate = new SlidingWindow(EVENTS_PER_MINUTE, 60_000);

  async function push(request: ServiceRequest): Promise<Response> {
    const parsed = parsePushRequest(request.body);
    if (!parsed.ok) return parsed.response;
    const { push } = parsed;
    const invocationId = request.invocation?.invocationId;
    if (!invocationId) return platformResponse(401, { message: 'Queue pushes are only accepted from a running invocation.' });
    const now = clock.now();
    const count = push.accepted.length;
    if (pushRate.used(now) + count > EVENTS_PER_MINUTE) {
      const retryAfter = Math.ceil(pushRate.msUntilRoom(now) / 1000);
      return platformResponse(429, { message: 'Too many requests.' }, { 'retry-after': String(retryAfter) });
    }
    const chain = chains.current(invocationId);
    if (!chains.admit(chain)) return platformResponse(405, { message: 'The limit on cyclic invocation has been reached.' });
    pushRate.admit(now, count);
    for (const event of ledger.record(push, now)) {
      scheduler.enqueue(event, chain);
      meter.record('queue.events', 1, push.queueName);
    }
    if (push.rejected.length > 0) return platformResponse(202, { failedEvents: push.rejected });
    return platformResponse(201, { jobId: push.jobId });
  }

  function jobRequest(request: ServiceRequest): { queueName: string; jobId: string } | undefined {
    try {
      const { queueName, jobId } = JSON.parse(request.body ?? '') as Record<string, unknown>;
      return typeof queueName === 'string' && typeof jobId === 'string' ? { queueName, jobId } : undefined;
    } catch {
      return undefined;
    }
  }

  async function jobOperation(request: ServiceRequest, operation: 'stats' | 'cancel'): Promise<Response> {
    const job = jobRequest(request);
    if (!job) return platformResponse(400, { message: 'queueName and jobId are required.' });
    const events = ledger.events(job.queueName, job.jobId);
    if (!events) return platformResponse(404, { message: `The job ${job.jobId} was not found for the queue ${job.queueName}.` });
    if (operation === 'stats') return platformResponse(200, ledger.stats(events));
    scheduler.cancel(events);
    return platformResponse(204);
  }

  let otherStargate: ServiceHandler | undefined;

  async function handle(request: ServiceRequest): Promise<Response> {
    if (request.path.startsWith('/webhook/queue/publish/')) return push(request);
    if (request.path.startsWith('/webhook/queue/stats/')) return jobOperation(request, 'stats');
    if (request.path.startsWith('/webhook/queue/cancel/')) return jobOperation(request, 'cancel');
    if (otherStargate) return otherStargate(request);
    return platformResponse(404, { message: `The sandbox does not emulate the stargate path ${request.path}.` });
  }

  return {
    register(seam, other) {
      otherStargate = other;
      seam.register('fpp:stargate', handle);
    },
    handle,
    pending: () => ledger.pending(),
    jobs: () => ledger.view()
  };
}
