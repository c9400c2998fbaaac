import { jira } from '../jira';
import { forgeAssistantModel } from '../llm/assistant-model';
import { jiraCallers } from './jira-callers';
import { kvsPeople } from './kvs-people';
import { kvsPermissionCache } from './kvs-permission-cache';
import { kvsSiteStore } from './kvs-site-store';
import { kvsSpaceStore } from './kvs-space-store';
import { kvsWorkItemStore } from './kvs-work-item-store';
import { busyAware } from '../storage-busy';
import { licenseActive } from './license';
import { workItemJobQueue } from './work-item-job-queue';

/**
 * The spaces part's platform, for the composition root (src/composition.ts): the ports
 * routing uses (`callers`, `people`, `log`) and what the spaces, settings, work-item and Rovo
 * use cases need. The `spaces` and `workItems` ports are use cases over these stores: the
 * composition root builds them. The KVS stores are busyAware: busy storage is StorageBusyError
 * (people answers null instead).
 */
export function spacesPlatform() {
  const clock = { now: () => Date.now() };
  const log = (event: string, fields: Record<string, unknown>) => console.warn(JSON.stringify({ event, ...fields }));
  const spaceStore = busyAware(kvsSpaceStore());
  const siteStore = busyAware(kvsSiteStore());
  const workItemStore = busyAware(kvsWorkItemStore());
  const workItemJobs = workItemJobQueue();
  return {
    clock,
    log,
    jira,
    spaceStore,
    siteStore,
    workItemStore,
    workItemJobs,
    license: licenseActive,
    callers: jiraCallers({ jira, permissionCache: busyAware(kvsPermissionCache(clock.now)) }),
    // People: null when Jira cannot say now; a name is never worth failing a chat for.
    people: kvsPeople(jira, clock.now),
    assistantModel: forgeAssistantModel()
  };
}

export type SpacesPlatform = ReturnType<typeof spacesPlatform>;
