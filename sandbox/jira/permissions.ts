/**
 * Jira's permission model for the fake site, reduced to what JSM's default permission scheme
 * grants: project roles (Administrators, Service Desk Team, Service Desk Customers), the site
 * admins' global ADMINISTER, and the app's account (appGrants below).
 */
import type { IssueRecord, Project } from './site-model';
import { APP_ACCOUNT, type SiteState } from './site-state';

export type Principal = { kind: 'app' } | { kind: 'user'; accountId: string } | { kind: 'anonymous' };

interface PermissionDef {
  id: string;
  name: string;
  type: 'GLOBAL' | 'PROJECT';
  description: string;
}

export const PERMISSIONS: Record<string, PermissionDef> = {
  ADMINISTER: {
    id: '0',
    name: 'Administer Jira',
    type: 'GLOBAL',
    description: 'Create and administer projects, issue types, fields, workflows, and schemes for all projects.'
  },
  USER_PICKER: {
    id: '27',
    name: 'Browse users and groups',
    type: 'GLOBAL',
    description: 'View and select users or groups from the user picker.'
  },
  ADMINISTER_PROJECTS: { id: '23', name: 'Administer Projects', type: 'PROJECT', description: 'Ability to administer a project in Jira.' },
  BROWSE_PROJECTS: {
    id: '10',
    name: 'Browse Projects',
    type: 'PROJECT',
    description: 'Ability to browse projects and the issues within them.'
  },
  CREATE_ISSUES: { id: '11', name: 'Create Issues', type: 'PROJECT', description: 'Ability to create issues.' },
  EDIT_ISSUES: { id: '12', name: 'Edit Issues', type: 'PROJECT', description: 'Ability to edit issues.' },
  ASSIGN_ISSUES: { id: '13', name: 'Assign Issues', type: 'PROJECT', description: 'Ability to assign issues to other people.' },
  RESOLVE_ISSUES: { id: '14', name: 'Resolve Issues', type: 'PROJECT', description: 'Ability to resolve and reopen issues.' },
  ADD_COMMENTS: { id: '15', name: 'Add Comments', type: 'PROJECT', description: 'Ability to comment on issues.' },
  DELETE_ISSUES: { id: '16', name: 'Delete Issues', type: 'PROJECT', description: 'Ability to delete issues.' },
  CREATE_ATTACHMENTS: {
    id: '19',
    name: 'Create Attachments',
    type: 'PROJECT',
    description: 'Users with this permission may create attachments.'
  },
  ASSIGNABLE_USER: {
    id: '17',
    name: 'Assignable User',
    type: 'PROJECT',
    description: 'Users with this permission may be assigned to issues.'
  },
  CLOSE_ISSUES: { id: '18', name: 'Close Issues', type: 'PROJECT', description: 'Ability to close issues.' },
  TRANSITION_ISSUES: { id: '46', name: 'Transition Issues', type: 'PROJECT', description: 'Ability to transition issues.' },
  MANAGE_WATCHERS: { id: '32', name: 'Manage Watchers', type: 'PROJECT', description: 'Ability to manage the watchers of an issue.' },
  MODIFY_REPORTER: {
    id: '30',
    name: 'Modify Reporter',
    type: 'PROJECT',
    description: 'Ability to modify the reporter when creating or editing an issue.'
  },
  SERVICEDESK_AGENT: {
    id: '10300',
    name: 'Service Desk Agent',
    type: 'PROJECT',
    description: 'Ability to act as an agent in a service project.'
  }
};

const AGENT_PERMISSIONS = Object.keys(PERMISSIONS).filter(
  (key) => PERMISSIONS[key].type === 'PROJECT' && !['ADMINISTER_PROJECTS', 'DELETE_ISSUES'].includes(key)
);
const ADMIN_PERMISSIONS = Object.keys(PERMISSIONS).filter((key) => PERMISSIONS[key].type === 'PROJECT');

/**
 * The app's account: Jira puts it in the `atlassian-addons-project-access` role of every project,
 * a role the scheme grants every project permission, and then lets it do only what the app's
 * scopes cover ("Jira always respects app scopes over permissions"; Forge: "the system user
 * provisioned for your app will be given the appropriate permissions tied to the scopes"). No
 * scope grants a global permission but Browse users and groups (with `read:jira-user`, the scope
 * to "view user profiles"): Administer Jira comes only with membership of an admin group, which
 * a site admin would have to give the app's account by hand (`state.siteAdmins`). Where the docs
 * are silent (which scope covers which permission) this is the stricter reading: the app's
 * account is never Assignable, and administers projects only with `manage:jira-project`.
 */
const APP_PROJECT_GRANTS: Record<string, readonly string[]> = {
  'read:jira-work': ['BROWSE_PROJECTS'],
  'write:jira-work': [
    'CREATE_ISSUES',
    'EDIT_ISSUES',
    'ASSIGN_ISSUES',
    'RESOLVE_ISSUES',
    'ADD_COMMENTS',
    'CREATE_ATTACHMENTS',
    'DELETE_ISSUES',
    'CLOSE_ISSUES',
    'TRANSITION_ISSUES',
    'MANAGE_WATCHERS',
    'MODIFY_REPORTER'
  ],
  // Raising requests on behalf of customers and naming participants are JSM's agent powers.
  'write:servicedesk-request': ['SERVICEDESK_AGENT'],
  'manage:jira-project': ['ADMINISTER_PROJECTS']
};
const APP_GLOBAL_GRANTS: Record<string, readonly string[]> = {
  'read:jira-user': ['USER_PICKER']
};

function appGrants(state: SiteState, table: Record<string, readonly string[]>, key: string): boolean {
  return [...state.appScopes].some((scope) => table[scope]?.includes(key));
}

export function isKnownPermission(key: string): boolean {
  return key in PERMISSIONS;
}

export function hasGlobalPermission(state: SiteState, principal: Principal, key: string): boolean {
  if (principal.kind === 'app')
    return key === 'ADMINISTER' ? state.siteAdmins.has(APP_ACCOUNT.accountId) : appGrants(state, APP_GLOBAL_GRANTS, key);
  if (principal.kind === 'anonymous') return false;
  const user = state.user(principal.accountId);
  if (!user || !user.active) return false;
  if (key === 'ADMINISTER') return state.siteAdmins.has(user.accountId);
  // Browsing users comes with a Jira licence; portal-only customers do not have one.
  if (key === 'USER_PICKER') return user.accountType === 'atlassian';
  return false;
}

export function hasProjectPermission(state: SiteState, principal: Principal, project: Project, key: string): boolean {
  if (principal.kind === 'app')
    return appGrants(state, APP_PROJECT_GRANTS, key) || (key === 'ADMINISTER_PROJECTS' && state.siteAdmins.has(APP_ACCOUNT.accountId));
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
  if (principal.kind === 'app') return hasProjectPermission(state, principal, project, 'CREATE_ISSUES');
  if (principal.kind !== 'user') return false;
  return project.roles['Service Desk Customers'].includes(principal.accountId) || canBrowse(state, principal, project);
}
