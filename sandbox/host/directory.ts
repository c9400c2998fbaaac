import { demoSite } from '../jira/demo-site';
import type { Project } from '../jira/site-model';
import type { Sandbox } from '../runtime/sandbox';

/**
 * Who can be chosen in the host chrome's user switcher, read from the fake Jira site: the site
 * admins, and per service space its admins, agents and portal customers. Anonymous portal
 * visitors are `null`.
 */
export interface Person {
  accountId: string;
  displayName: string;
}

export interface SpaceDirectory {
  key: string;
  name: string;
  projectTypeKey: string;
  admins: Person[];
  agents: Person[];
  customers: Person[];
}

export interface Directory {
  siteAdmins: Person[];
  spaces: SpaceDirectory[];
}

export async function readDirectory(sandbox: Sandbox): Promise<Directory> {
  const reply = await sandbox.jira.handleJiraHttp('GET', '/rest/api/3/project/search', '', undefined, sandbox.jira.appAccountId);
  const keys = reply.status === 200 ? ((reply.body as { values?: Array<{ key: string }> }).values ?? []).map((p) => p.key) : [];
  const person = (accountId: string): Person | undefined => {
    const user = sandbox.jira.user(accountId);
    return user && user.active ? { accountId, displayName: user.displayName } : undefined;
  };
  const people = (ids: string[]) => ids.map(person).filter((p): p is Person => p !== undefined);
  const spaces = keys
    .map((key) => sandbox.jira.project(key))
    .filter((p): p is Project => p !== undefined)
    .map((p) => ({
      key: p.key,
      name: p.name,
      projectTypeKey: p.projectTypeKey,
      admins: people(p.roles.Administrators),
      agents: people(p.roles['Service Desk Team']),
      customers: people(p.roles['Service Desk Customers'])
    }));
  // The fake site has no "list site admins" route; the demo fixture names them.
  return { siteAdmins: people(demoSite(Date.now()).siteAdmins), spaces };
}

export function displayName(sandbox: Sandbox, accountId: string | undefined): string {
  if (!accountId) return 'Anonymous visitor';
  return sandbox.jira.user(accountId)?.displayName ?? accountId;
}
