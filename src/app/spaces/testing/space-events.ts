import type { Sandbox } from '../../../../sandbox/runtime/sandbox';

/**
 * Jira's `avi:jira:created:project` for a space of the fixture, as Jira sends it when the
 * space is created after the app was installed (the demo's SUP). The demo fixture lists SUP
 * as already there, so a test (or the demo) that wants SUP "new" delivers the event itself.
 */
export async function deliverSpaceCreated(sandbox: Sandbox, projectKey: string): Promise<void> {
  const project = sandbox.jira.project(projectKey);
  if (!project) throw new Error(`no project ${projectKey} on the sandbox site`);
  await sandbox.host.fireProductEvent('avi:jira:created:project', {
    atlassianId: project.leadAccountId,
    project: { id: project.id, key: project.key, name: project.name, projectTypeKey: project.projectTypeKey, simplified: false }
  });
}
