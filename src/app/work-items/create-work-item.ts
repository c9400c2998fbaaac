import { isJiraError, type JiraClient } from '../../platform/jira';
import type { NewWorkItem, WorkItemCreation } from '../ports/work-items';
import { loadSpace } from '../spaces/load-space';
import type { SpaceStore, StoredSpace } from '../spaces/space-store';
import { labelWorkItem } from './label-work-item';
import type { WorkItemJobQueue } from './work-item-job';
import { newWorkItemRecord, type WorkItemRecord, type WorkItemStore } from './work-item-store';
import { conversationMarker, workItemDescription, workItemSummary } from './work-item-text';

/**
 * R15: one attempt at creating the chat's work item, never a second one per conversation.
 * One invocation at a time holds a short lease on the conversation's record (a conditional
 * write); the lease write also marks that a request may now exist, and only a definite "not
 * created" (429, 4xx) clears that mark. An attempt after an unclear ending (5xx, timeout,
 * crash) first searches the space for the conversation's marker in recent descriptions.
 */
export const CREATE_LEASE_MS = 30_000;

export interface CreateWorkItemDeps {
  readonly jira: JiraClient;
  readonly spaceStore: Pick<SpaceStore, 'get' | 'save'>;
  readonly workItemStore: WorkItemStore;
  readonly workItemJobs: WorkItemJobQueue;
  readonly clock: { now(): number };
}

const retryable = (seconds: number, message: string): WorkItemCreation => ({ ok: false, retryable: true, retryAfterSeconds: Math.max(1, Math.ceil(seconds)), message });
const permanent = (message: string): WorkItemCreation => ({ ok: false, retryable: false, message });

export async function createWorkItem(deps: CreateWorkItemDeps, item: NewWorkItem): Promise<WorkItemCreation> {
  const stored = await deps.workItemStore.get(item.conversationId);
  if (stored?.key) return { ok: true, workItemKey: stored.key };
  const now = deps.clock.now();
  if (stored && stored.leaseUntil > now) return retryable((stored.leaseUntil - now) / 1000, 'Another invocation is creating this work item.');
  const space = await loadSpace(deps, item.projectKey);
  if (!space?.serviceDeskId) return permanent(`${item.projectKey} is not a service space.`);
  if (!space.settings.requestTypeId) return permanent(`Live chat is not set up in ${item.projectKey}: no request type.`);

  const before: WorkItemRecord = stored ?? newWorkItemRecord(item.conversationId, item.projectKey);
  const leased: WorkItemRecord = { ...before, leaseUntil: now + CREATE_LEASE_MS, mayExist: true, firstAttemptAt: before.firstAttemptAt ?? now };
  if ((await deps.workItemStore.save(leased)) === 'conflict') return retryable(1, 'Another invocation is creating this work item.');
  const mine = { ...leased, version: leased.version + 1 };

  try {
    const found = before.mayExist ? await findByMarker(deps, mine) : null;
    const key = found ?? (await raiseRequest(deps, space, space.settings.requestTypeId, item));
    try {
      await labelWorkItem(deps, space, key);
    } catch (error) {
      if (!isJiraError(error)) throw error;
      await deps.workItemJobs.push({ kind: 'label', conversationId: item.conversationId, projectKey: item.projectKey, workItemKey: key }, error.retryAfterSeconds);
    }
    await deps.workItemStore.save({ ...mine, key, leaseUntil: 0, mayExist: false });
    return { ok: true, workItemKey: key };
  } catch (error) {
    if (!isJiraError(error)) throw error;
    // A 429 or a refusal means Jira did nothing; anything else may have created the request.
    const definitelyNotCreated = error.status === 429 || (error.status >= 400 && error.status < 500);
    await deps.workItemStore.save({ ...mine, leaseUntil: 0, mayExist: definitelyNotCreated ? before.mayExist : true });
    return error.retryable ? retryable(error.retryAfterSeconds, error.message) : permanent(error.message);
  }
}

async function raiseRequest(deps: CreateWorkItemDeps, space: StoredSpace, requestTypeId: string, item: NewWorkItem): Promise<string> {
  const request = {
    serviceDeskId: space.serviceDeskId,
    requestTypeId,
    summary: workItemSummary(item.summary),
    description: workItemDescription(item.conversationId, item.context)
  };
  if (!item.customerAccountId) return (await deps.jira.createRequest(request)).issueKey;
  try {
    return (await deps.jira.createRequest({ ...request, raiseOnBehalfOf: item.customerAccountId })).issueKey;
  } catch (error) {
    // A customer JSM will not raise for (not a customer of this portal): the app reports it instead.
    if (isJiraError(error) && (error.status === 400 || error.status === 403)) return (await deps.jira.createRequest(request)).issueKey;
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
