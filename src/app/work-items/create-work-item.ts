import type { JiraClient } from '../ports/jira';
import { isJiraError } from '../ports/jira-error';
import type { NewWorkItem, WorkItemCreation } from '../ports/work-items';
import { loadSpace } from '../spaces/load-space';
import type { SpaceStore, StoredSpace } from '../ports/space-store';
import { labelWorkItem } from './label-work-item';
import { heldFor, newLease } from './lease';
import { newWorkItemRecord, type WorkItemRecord, type WorkItemStore } from '../ports/work-item-store';
import { conversationMarker, workItemDescription, workItemSummary } from './work-item-text';

/**
 * R15: one attempt at creating the chat's work item, never a second one per conversation.
 * One invocation at a time holds the `create` lease on the conversation's work-item record
 * (lease.ts); the lease write also marks that a request may now exist, and only a definite "not
 * created" (429, 4xx) clears that mark. An attempt after an unclear ending (5xx, timeout,
 * crash) first searches the space for the conversation's marker in recent descriptions.
 * A conversation id made up just now needs none of that (see createForFreshConversation).
 */
const CREATE = 'create';

export interface CreateWorkItemDeps {
  readonly jira: JiraClient;
  readonly spaceStore: Pick<SpaceStore, 'get' | 'save'>;
  readonly workItemStore: WorkItemStore;
  readonly clock: { now(): number };
}

const retryable = (seconds: number, message: string): WorkItemCreation => ({
  ok: false,
  retryable: true,
  retryAfterSeconds: Math.max(1, Math.ceil(seconds)),
  message
});
const permanent = (message: string): WorkItemCreation => ({ ok: false, retryable: false, message });

export async function createWorkItem(deps: CreateWorkItemDeps, item: NewWorkItem): Promise<WorkItemCreation> {
  if (item.freshConversation) return createForFreshConversation(deps, item);
  const stored = await deps.workItemStore.get(item.conversationId);
  if (stored?.key) return { ok: true, workItemKey: stored.key };
  const now = deps.clock.now();
  const busyFor = heldFor(stored?.leases[CREATE], now);
  if (busyFor !== null) return retryable(busyFor, 'Another invocation is creating this work item.');
  const space = await chatSpace(deps, item.projectKey);
  if (!('settings' in space)) return space;

  const before: WorkItemRecord = stored ?? newWorkItemRecord(item.conversationId, item.projectKey);
  const leased: WorkItemRecord = {
    ...before,
    leases: { ...before.leases, [CREATE]: newLease(now) },
    mayExist: true,
    firstAttemptAt: before.firstAttemptAt ?? now
  };
  if ((await deps.workItemStore.save(leased)) === 'conflict') return retryable(1, 'Another invocation is creating this work item.');
  const mine = { ...leased, version: leased.version + 1 };
  const { [CREATE]: _ours, ...others } = mine.leases;
  const released: WorkItemRecord = { ...mine, leases: others };

  try {
    const found = before.mayExist ? await findByMarker(deps, mine) : null;
    const raised = found ? { key: found } : await raiseRequest(deps, space, item);
    const labelled = await label(deps, space, raised.key, item.extraLabels);
    await deps.workItemStore.save({ ...released, key: raised.key, mayExist: false });
    return created(raised, labelled);
  } catch (error) {
    if (!isJiraError(error)) throw error;
    // A 429 or a refusal means Jira did nothing; anything else may have created the request.
    const definitelyNotCreated = error.status === 429 || (error.status >= 400 && error.status < 500);
    await deps.workItemStore.save({ ...released, mayExist: definitelyNotCreated ? before.mayExist : true });
    return error.retryable ? retryable(error.retryAfterSeconds, error.message) : permanent(error.message);
  }
}

/**
 * A conversation id made up just now (no idempotency key): no other invocation can be creating
 * its work item and no earlier attempt can have, so there is no lease to take and no record to
 * keep (two writes fewer per chat). A failed attempt is not retried with this id: the customer
 * asks again, which makes a new one.
 */
async function createForFreshConversation(deps: CreateWorkItemDeps, item: NewWorkItem): Promise<WorkItemCreation> {
  const space = await chatSpace(deps, item.projectKey);
  if (!('settings' in space)) return space;
  try {
    const raised = await raiseRequest(deps, space, item);
    return created(raised, await label(deps, space, raised.key, item.extraLabels));
  } catch (error) {
    if (!isJiraError(error)) throw error;
    return error.retryable ? retryable(error.retryAfterSeconds, error.message) : permanent(error.message);
  }
}

type ChatSpace = StoredSpace & { readonly settings: { readonly requestTypeId: string } };

async function chatSpace(deps: CreateWorkItemDeps, projectKey: string): Promise<ChatSpace | WorkItemCreation> {
  const space = await loadSpace(deps, projectKey);
  if (!space?.serviceDeskId) return permanent(`${projectKey} is not a service space.`);
  if (!space.settings.requestTypeId) return permanent(`Live chat is not set up in ${projectKey}: no request type.`);
  return space as ChatSpace;
}

/** R15's second step; false when Jira could not do it now (the chat then owes it: WorkItemStep `label`). */
async function label(deps: CreateWorkItemDeps, space: StoredSpace, key: string, extraLabels?: readonly string[]): Promise<boolean> {
  try {
    await labelWorkItem(deps, space, key, extraLabels);
    return true;
  } catch (error) {
    if (!isJiraError(error)) throw error;
    return false;
  }
}

function created(raised: { key: string; customerName?: string }, labelled: boolean): WorkItemCreation {
  return {
    ok: true,
    workItemKey: raised.key,
    ...(raised.customerName ? { customerName: raised.customerName } : {}),
    ...(labelled ? {} : { unlabelled: true as const })
  };
}

/** The request, on the customer's behalf when known; JSM's answer names the reporter (the customer's name, without a lookup). */
async function raiseRequest(
  deps: CreateWorkItemDeps,
  space: ChatSpace,
  item: NewWorkItem
): Promise<{ key: string; customerName?: string }> {
  const request = {
    serviceDeskId: space.serviceDeskId,
    requestTypeId: space.settings.requestTypeId,
    summary: workItemSummary(item.summary),
    description: workItemDescription(item.conversationId, item.context)
  };
  if (!item.customerAccountId) return { key: (await deps.jira.createRequest(request)).issueKey };
  try {
    const raised = await deps.jira.createRequest({ ...request, raiseOnBehalfOf: item.customerAccountId });
    const name = raised.reporter?.accountId === item.customerAccountId ? raised.reporter.displayName : undefined;
    return { key: raised.issueKey, ...(name ? { customerName: name } : {}) };
  } catch (error) {
    // A customer JSM will not raise for (not a customer of this portal): the app reports it instead.
    if (isJiraError(error) && (error.status === 400 || error.status === 403))
      return { key: (await deps.jira.createRequest(request)).issueKey };
    throw error;
  }
}

/** The request an unclear attempt may have created: recent requests of the space carrying the marker. */
async function findByMarker(deps: CreateWorkItemDeps, record: WorkItemRecord): Promise<string | null> {
  const minutes = Math.ceil((deps.clock.now() - (record.firstAttemptAt ?? deps.clock.now())) / 60_000) + 5;
  const issues = await deps.jira.searchIssues(`project = "${record.projectKey}" AND created >= -${minutes}m ORDER BY created DESC`, 100);
  const marker = conversationMarker(record.conversationId);
  return issues.find((issue) => issue.descriptionText.includes(marker))?.key ?? null;
}
