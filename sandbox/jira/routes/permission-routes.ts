/**
 * Permission checks: bulk (`permissions/check`: the caller's own, or another user's with
 * Administer Jira), the caller's own (`mypermissions`), the users holding permissions in a
 * project (`user/permission/search`, for Jira and project admins) and the users work in a
 * project can be assigned to (`user/assignable/search`, for anyone with access to Jira: how the
 * app lists a space's agents without a Team). The app's account holds only what its scopes
 * give it (permissions.ts): neither Administer Jira nor Administer Projects.
 */
import { JiraError, fieldErrors, forbidden } from '../jira-errors';
import { PERMISSIONS, hasGlobalPermission, hasProjectPermission, isKnownPermission, type Principal } from '../permissions';
import { browsableIssue, browsableProject } from '../issue-access';
import { renderUser } from '../render/render-user';
import { intParam, listParam, ok, parseBody, type RouteContext, type RouteDef } from '../route-kit';
import { BulkPermissionsBody } from '../schemas/request-bodies';
import type { Project } from '../site-model';

function checkKeys(keys: string[]): void {
  const errors: Record<string, string> = {};
  for (const key of keys) if (!isKnownPermission(key)) errors[key] = 'Unrecognized permission';
  if (Object.keys(errors).length > 0) throw fieldErrors(errors);
}

const bulkCheck: RouteDef = {
  method: 'POST',
  template: '/rest/api/3/permissions/check',
  family: 'platform',
  scopes: [],
  handle(ctx) {
    const body = parseBody(ctx, BulkPermissionsBody);
    let subject: Principal = ctx.principal;
    if (body.accountId !== undefined && !(ctx.principal.kind === 'user' && ctx.principal.accountId === body.accountId)) {
      // Asking about someone else takes Administer Jira (the app's account has it).
      if (!hasGlobalPermission(ctx.state, ctx.principal, 'ADMINISTER'))
        throw forbidden('Only Jira administrators can perform this operation.');
      if (!ctx.state.user(body.accountId)) throw new JiraError(400, [`The account ID '${body.accountId}' is not valid.`]);
      subject = { kind: 'user', accountId: body.accountId };
    }
    const globals = (body.globalPermissions ?? []).filter((k): k is string => k !== null);
    checkKeys(globals);
    const requests = body.projectPermissions ?? [];
    for (const request of requests) {
      const keys = request.permissions.filter((k) => k !== '');
      if (keys.length === 0) throw new JiraError(400, ['At least one project permission is required.']);
      checkKeys(keys);
    }
    const projectPermissions = requests.flatMap((request) =>
      request.permissions
        .filter((k) => k !== '')
        .map((permission) => ({
          permission,
          // Invalid project and issue ids are ignored, as documented.
          projects: (request.projects ?? [])
            .filter((id): id is number => id !== null)
            .filter((id) => {
              const project = ctx.state.project(String(id));
              return !!project && hasProjectPermission(ctx.state, subject, project, permission);
            }),
          issues: (request.issues ?? [])
            .filter((id): id is number => id !== null)
            .filter((id) => {
              const issue = ctx.state.issue(String(id));
              const project = issue && ctx.state.project(issue.projectId);
              return !!project && hasProjectPermission(ctx.state, subject, project, permission);
            })
        }))
    );
    return ok({ projectPermissions, globalPermissions: globals.filter((k) => hasGlobalPermission(ctx.state, subject, k)) });
  }
};

function contextProject(ctx: RouteContext): Project | undefined {
  const issueRef = ctx.query.get('issueId') ?? ctx.query.get('issueKey');
  if (issueRef) return browsableIssue(ctx, issueRef).project;
  const projectRef = ctx.query.get('projectId') ?? ctx.query.get('projectKey');
  return projectRef ? browsableProject(ctx, projectRef) : undefined;
}

const myPermissions: RouteDef = {
  method: 'GET',
  template: '/rest/api/3/mypermissions',
  family: 'platform',
  scopes: [],
  handle(ctx) {
    const keys = listParam(ctx.query, 'permissions');
    if (keys.length === 0) throw new JiraError(400, ["The 'permissions' query parameter is required."]);
    checkKeys(keys);
    const project = contextProject(ctx);
    const permissions = Object.fromEntries(
      keys.map((key) => {
        const def = PERMISSIONS[key];
        const have =
          def.type === 'GLOBAL'
            ? hasGlobalPermission(ctx.state, ctx.principal, key)
            : project
              ? hasProjectPermission(ctx.state, ctx.principal, project, key)
              : ctx.state.projects.some((p) => hasProjectPermission(ctx.state, ctx.principal, p, key));
        return [key, { id: def.id, key, name: def.name, type: def.type, description: def.description, havePermission: have }];
      })
    );
    return ok({ permissions });
  }
};

const usersWithPermissions: RouteDef = {
  method: 'GET',
  template: '/rest/api/3/user/permission/search',
  family: 'platform',
  scopes: ['read:jira-user'],
  handle(ctx) {
    const keys = listParam(ctx.query, 'permissions');
    if (keys.length === 0) throw new JiraError(400, ["The 'permissions' query parameter is required."]);
    checkKeys(keys);
    const query = ctx.query.get('query');
    const accountId = ctx.query.get('accountId');
    if (query === null && accountId === null) throw new JiraError(400, ['Either query or accountId must be specified.']);
    if (query !== null && accountId !== null) throw new JiraError(400, ['Only one of query or accountId can be specified.']);
    const project = contextProject(ctx);
    if (!project) throw new JiraError(400, ['Either issueKey or projectKey must be specified.']);
    if (
      !hasProjectPermission(ctx.state, ctx.principal, project, 'ADMINISTER_PROJECTS') &&
      !hasGlobalPermission(ctx.state, ctx.principal, 'ADMINISTER')
    ) {
      throw forbidden('You do not have the permission to see the specified users.');
    }
    const needle = (query ?? '').toLowerCase();
    const matches = [...ctx.state.users.values()].filter(
      (u) =>
        u.accountType !== 'app' &&
        (accountId !== null
          ? u.accountId === accountId
          : u.displayName
              .toLowerCase()
              .split(/\s+/)
              .some((word) => word.startsWith(needle)) || u.emailAddress.toLowerCase().startsWith(needle)) &&
        keys.every((key) => hasProjectPermission(ctx.state, { kind: 'user', accountId: u.accountId }, project, key))
    );
    const startAt = Math.max(0, intParam(ctx.query, 'startAt', 0));
    const maxResults = Math.min(Math.max(0, intParam(ctx.query, 'maxResults', 50)), 1000);
    return ok(matches.slice(startAt, startAt + maxResults).map(renderUser));
  }
};

/** Jira: "Permission to access Jira" (its licensed users and apps; not portal-only customers). */
function requireJiraAccess(ctx: RouteContext): void {
  if (ctx.principal.kind !== 'user') return;
  if (ctx.state.user(ctx.principal.accountId)?.accountType !== 'atlassian') throw forbidden('You do not have permission to access Jira.');
}

const assignableUsers: RouteDef = {
  method: 'GET',
  template: '/rest/api/3/user/assignable/search',
  family: 'platform',
  scopes: ['read:jira-user'],
  handle(ctx) {
    requireJiraAccess(ctx);
    const issueRef = ctx.query.get('issueKey') ?? ctx.query.get('issueId');
    const projectRef = ctx.query.get('project');
    if (!issueRef && !projectRef) throw new JiraError(400, ['The project, issueKey or issueId query parameter must be provided.']);
    const project = issueRef ? browsableIssue(ctx, issueRef).project : browsableProject(ctx, projectRef as string);
    const query = (ctx.query.get('query') ?? '').toLowerCase();
    const accountId = ctx.query.get('accountId');
    const matches = [...ctx.state.users.values()].filter(
      (u) =>
        (accountId === null || u.accountId === accountId) &&
        (query === '' ||
          u.displayName
            .toLowerCase()
            .split(/\s+/)
            .some((word) => word.startsWith(query)) ||
          u.emailAddress.toLowerCase().startsWith(query)) &&
        hasProjectPermission(ctx.state, { kind: 'user', accountId: u.accountId }, project, 'ASSIGNABLE_USER')
    );
    const startAt = Math.max(0, intParam(ctx.query, 'startAt', 0));
    const maxResults = Math.min(Math.max(0, intParam(ctx.query, 'maxResults', 50)), 1000);
    return ok(matches.slice(startAt, startAt + maxResults).map(renderUser));
  }
};

export const PERMISSION_ROUTES: RouteDef[] = [bulkCheck, myPermissions, usersWithPermissions, assignableUsers];
