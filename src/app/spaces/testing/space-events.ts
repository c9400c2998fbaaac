import type { Sandbox } from '../../../../sandbox/runtime/sandbox';

/**
 * Jira's `avi:jira:created:project` for a space of the fixture, as the sandbox's Jira sends it
 * when the space is created after the app was installed (the demo's SUP): without
 * `projectTypeKey`, which Forge does not promise. The demo fixture lists SUP as already there,
 * so a test (or the demo) that wants SUP "new" has the site announce it.
 */
export async function deliverSpaceCreated(sandbox: Sandbox, projectKey: string): Promise<void> {
  if (!sandbox.jira.project(projectKey)) throw new Error(`no project ${projectKey} on the sandbox site`);
  sandbox.jira.announceProjectCreated(projectKey);
  await sandbox.settle();
}
