/**
 * Jira's permission model for the fake site, reduced to what JSM's default permission scheme
 * grants: project roles (Administrators, Service Desk Team, Service Desk Customers), the site
 * admins' global ADMINISTER, and the app's account, which Jira puts in the add-ons groups with
 * every permission (the app's scopes, checked elsewhere, are what limit it).
 */
import type { IssueRecord, Project } from './site-model';
import type { SiteState } from './site-state';

export type Principal = { kind: 'app' } | { kind: 'user'; accountId: string } | { kind: 'anonymous' };

interface PermissionDef {
  id: string;
  name: string;
  type: 'GLOBAL' | 'PROJECT';
  description: string;
}

export const PERMISSIONS: Record<string, PermissionDef> = {
  ADMINISTER: { id: '0', name: 'Administer Jira', type: 'GLOBAL', description: 'Create and administer projects, issue types, fields, workflows, and schemes for all projects.' },
  USER_PICKER: { id: '27', name: 'Browse users and groups', type: 'GLOBAL', description: 'View and select users or groups from the user picker.' },
  ADMINISTER_PROJECTS: { id: '23', name: 'Administer Projects', type: 'PROJECT', description: 'Ability to administer a project in Jira.' },
  BROWSE_PROJECTS: { id: '10', name: 'Browse Projects', type: 'PROJECT', description: 'Ability to browse projects and the issues within them.' },
  CREATE_ISSUES: { id: '11', name: 'Create Issues', type: 'PROJECT', description: 'Ability to create issues.' },
  EDIT_ISSUES: { id: '12', name: 'Edit Issues', type: 'PROJECT', description: 'Ability to edit issues.' },
  ASSIGN_ISSUES: { id: '13', name: 'Assign Issues', type: 'PROJECT', description: 'Ability to assign issues to other people.' },
  RESOLVE_ISSUES: { id: '14', name: 'Resolve Issues', type: 'PROJECT', description: 'Ability to resolve and reopen issues.' },
  ADD_COMMENTS: { id: '15', name: 'Add Comments', type: 'PROJECT', description: 'Ability to comment on issues.' },
  DELETE_ISSUES: { id: '16', name: 'Delete Issues', type: 'PROJECT', description: 'Ability to delete issues.' },
  ASSIGNABLE_USER: { id: '17', name: 'Assignable User', type: 'PROJECT', description: 'Users with this permission may be assigned to issues.' },
  CLOSE_ISSUES: { id: '18', name: 'Close Issues', type: 'PROJECT', description: 'Ability to close issues.' },
  TRANSITION_ISSUES: { id: '46', name: 'Transition Issues', type: 'PROJECT', description: 'Ability to transition issues.' },
  MANAGE_WATCHERS: { id: '32', name: 'Manage Watchers', type: 'PROJECT', description: 'Ability to manage the watchers of an issue.' },
  MODIFY_REPORTER: { id: '30', name: 'Modify Reporter', type: 'PROJECT', description: 'Ability to modify the reporter when creating or editing an issue.' },
  SERVICEDESK_AGENT: { id: '10300', name: 'Service Desk Agent', type: 'PROJECT', description: 'Ability to act as an agent in a service project.' }
};

const AGENT_PERMISSIONS = Object.keys(PERMISSIONS).filter(
  (key) => PERMISSIONS[key].type === 'PROJECT' && !['ADMINISTER_PROJECTS', 'DELETE_ISSUES'].includes(key)
);
const ADMIN_PERMISSIONS = Object.keys(PERMISSIONS).filter((key) => PERMISSIONS[key].type === 'PROJECT');

export function isKnownPermission(key: string): boolean {
  return key in PERMISSIONS;
}

export function hasGlobalPermission(state: SiteState, principal: Principal, key: string): boolean {
  if (principal.kind === 'app') return true;
  if (principal.kind === 'anonymous') return false;
  const user = state.user(principal.accountId);
  if (!user || !user.active) return false;
  if (key === 'ADMINISTER') return state.siteAdmins.has(user.accountId);
  // Browsing users comes with a Jira licence; portal-only customers do not have one.
  if (key === 'USER_PICKER') return user.accountType === 'atlassian';
  return false;
}

export function hasProjectPermission(state: SiteState, principal: Principal, project: Project, key: string): boolean {
  if (principal.kind === 'app') return true;
  if (principal.kind === 'anonymous') return false;
  const user = state.user(principal.accountId);
  if (!user || !user.active || user.accountType !== 'atlassian') return false;
  if (key === 'ADMINISTER_PROJECTS' && state.siteAdmins.has(user.accountId)) return true;
  if (project.roles.Administrators.includes(user.accountId)) return ADMIN_PERMISSIONS.includes(key);
  if (project.roles['Service Desk Team'].includes(user.accountId)) return AGENT_PERMISSIONS.includes(key);
  return false;
}

export function canBrowse(state: SiteState, principal: Principal, project: Project): boolean {
  return hasProjectPermission(state, principal, project, 'BROWSE_PROJECTS');
}

/** JSM's request view: agents of the space, plus the customer who reported it and its participants. */
export function canViewRequest(state: SiteState, principal: Principal, project: Project, issue: IssueRecord): boolean {
  if (canBrowse(state, principal, project)) return true;
  if (principal.kind !== 'user') return false;
  return issue.fields.reporter === principal.accountId || issue.participants.includes(principal.accountId);
}

/** Whether a user may raise requests in the space's portal (its customers, or any agent of it). */
export function canRaiseRequest(state: SiteState, principal: Principal, project: Project): boolean {
  if (principal.kind === 'app') return true;
  if (principal.kind !== 'user') return false;
  return project.roles['Service Desk Customers'].includes(principal.accountId) || canBrowse(state, principal, project);
}
