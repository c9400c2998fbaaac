import type { WorkItems } from '../ports/work-items';
import { createWorkItem, type CreateWorkItemDeps } from './create-work-item';
import { runWorkItemStep, type WorkItemStepDeps } from './run-work-item-step';
import type { WorkItemJobQueue } from '../ports/work-item-job-queue';

/**
 * The WorkItems port: creation is one synchronous attempt (R15, the caller decides what a
 * failure means for the chat); the later steps run in the invocation whose decision owes them
 * (src/app/work-items/owed-steps.ts), and only when Jira is busy as jobs on `work-item-jobs`.
 */
export function createWorkItems(deps: CreateWorkItemDeps & WorkItemStepDeps & { readonly workItemJobs: WorkItemJobQueue }): WorkItems {
  return {
    create: (item) => createWorkItem(deps, item),
    runStep: (target, step, attempt) => runWorkItemStep(deps, target, step, attempt),
    queueStep: (target, step, delaySeconds, recorded = true) =>
      deps.workItemJobs.push({ kind: 'step', ...target, step, ...(recorded ? {} : { recorded: false }) }, delaySeconds),
    async closeOutUnrouted({ conversationId, projectKey, workItemKey, unlabelled }) {
      if (unlabelled) await deps.workItemJobs.push({ kind: 'label', conversationId, projectKey, workItemKey });
      await deps.workItemJobs.push({ kind: 'closeOut', conversationId, workItemKey, outcome: 'missed' });
    }
  };
}
