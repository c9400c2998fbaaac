import { createSpaceDirectory } from '../../app/spaces/space-directory';
import { jira } from '../jira';
import { forgeAssistantModel } from '../llm/assistant-model';
import { jiraCallers } from './jira-callers';
import { kvsPeople } from './kvs-people';
import { kvsPermissionCache } from './kvs-permission-cache';
import { kvsSiteStore } from './kvs-site-store';
import { kvsSpaceStore } from './kvs-space-store';
import { kvsWorkItemStore } from './kvs-work-item-store';
import { licenseActive } from './license';
import { workItemJobQueue } from './work-item-job-queue';

/**
 * The spaces part's platform, for the composition root (src/composition.ts): the ports
 * routing uses (`spaces`, `callers`, `people`, `log`) and what the spaces, settings, work-item
 * and Rovo use cases need. The `workItems` port reads chats too: app-deps.ts builds it over both parts.
 */
export function spacesPlatform() {
  const clock = { now: () => Date.now() };
  const log = (event: string, fields: Record<string, unknown>) => console.warn(JSON.stringify({ event, ...fields }));
  const spaceStore = kvsSpaceStore();
  const siteStore = kvsSiteStore();
  const workItemStore = kvsWorkItemStore();
  const workItemJobs = workItemJobQueue();
  const base = { clock, log, jira, spaceStore, siteStore, workItemStore, workItemJobs, license: licenseActive };
  return {
    ...base,
    spaces: createSpaceDirectory(base),
    callers: jiraCallers({ jira, permissionCache: kvsPermissionCache(clock.now) }),
    // People: null when Jira cannot say now; a name is never worth failing a chat for.
    people: kvsPeople(jira, clock.now),
    assistantModel: forgeAssistantModel()
  };
}

export type SpacesPlatform = ReturnType<typeof spacesPlatform>;
