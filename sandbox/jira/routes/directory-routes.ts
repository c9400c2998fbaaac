/**
 * The site's directory: users (one, the caller, in bulk, their groups), projects (one, search)
 * and fields. Reading other users takes the Browse users and groups permission, which portal
 * customers do not have.
 */
import { listedFields } from '../field-catalog';
import { canViewProject, browsableProject } from '../issue-access';
import { JiraError, forbidden, notFound } from '../jira-errors';
import { hasGlobalPermission } from '../permissions';
import { renderProject } from '../render/render-project';
import { knownUser, renderUser } from '../render/render-user';
import { intParam, listParam, ok, type RouteContext, type RouteDef } from '../route-kit';
import { APP_ACCOUNT, SITE_BASE_URL } from '../site-state';

const USERS = ['read:jira-user'];

function requireUserPicker(ctx: RouteContext): void {
  if (!hasGlobalPermission(ctx.state, ctx.principal, 'USER_PICKER')) {
    throw forbidden('You do not have the Browse users and groups global permission.');
  }
}

function pageBean<T>(path: string, items: T[], startAt: number, maxResults: number) {
  const values = items.slice(startAt, startAt + maxResults);
  const isLast = startAt + values.length >= items.length;
  return {
    self: `${SITE_BASE_URL}${path}?startAt=${startAt}&maxResults=${maxResults}`,
    ...(isLast ? {} : { nextPage: `${SITE_BASE_URL}${path}?startAt=${startAt + maxResults}&maxResults=${maxResults}` }),
    maxResults,
    startAt,
    total: items.length,
    isLast,
    values
  };
}

const getUser: RouteDef = {
  method: 'GET',
  template: '/rest/api/3/user',
  family: 'platform',
  scopes: USERS,
  handle(ctx) {
    requireUserPicker(ctx);
    const accountId = ctx.query.get('accountId');
    if (!accountId) throw new JiraError(400, ['The accountId query parameter needs to be provided.']);
    const user = ctx.state.user(accountId);
    if (!user) throw notFound('Specified user does not exist or you do not have required permissions');
    return ok(renderUser(user));
  }
};

const myself: RouteDef = {
  method: 'GET',
  template: '/rest/api/3/myself',
  family: 'platform',
  scopes: USERS,
  handle(ctx) {
    const accountId = ctx.principal.kind === 'user' ? ctx.principal.accountId : APP_ACCOUNT.accountId;
    return ok(renderUser(knownUser(ctx.state, accountId)));
  }
};

const bulkUsers: RouteDef = {
  method: 'GET',
  template: '/rest/api/3/user/bulk',
  family: 'platform',
  scopes: USERS,
  handle(ctx) {
    requireUserPicker(ctx);
    const ids = ctx.query.getAll('accountId');
    if (ids.length === 0) throw new JiraError(400, ['The accountId query parameter needs to be provided.']);
    if (ids.length > 200) throw new JiraError(400, ['A maximum of 200 accountId values can be provided.']);
    const users = ids
      .map((id) => ctx.state.user(id))
      .filter((u) => u !== undefined)
      .map(renderUser);
    const startAt = Math.max(0, intParam(ctx.query, 'startAt', 0));
    const maxResults = Math.min(Math.max(1, intParam(ctx.query, 'maxResults', 10)), 200);
    return ok(pageBean('/rest/api/3/user/bulk', users, startAt, maxResults));
  }
};

const userGroups: RouteDef = {
  method: 'GET',
  template: '/rest/api/3/user/groups',
  family: 'platform',
  scopes: USERS,
  handle(ctx) {
    requireUserPicker(ctx);
    const user = ctx.state.user(ctx.query.get('accountId') ?? '');
    if (!user) throw notFound('Specified user does not exist or you do not have required permissions');
    const names = [
      ...(ctx.state.siteAdmins.has(user.accountId) ? ['site-admins', 'jira-admins-live-chat-sandbox'] : []),
      ...(user.accountType === 'atlassian' ? ['jira-servicemanagement-users-live-chat-sandbox'] : [])
    ];
    return ok(names.map((name) => ({ name, groupId: `group-${name}`, self: `${SITE_BASE_URL}/rest/api/3/group?groupId=group-${name}` })));
  }
};

const getProject: RouteDef = {
  method: 'GET',
  template: '/rest/api/3/project/{projectIdOrKey}',
  family: 'platform',
  scopes: ['read:jira-work'],
  handle(ctx) {
    return ok(renderProject(ctx.state, browsableProject(ctx, ctx.params.projectIdOrKey)));
  }
};

const searchProjects: RouteDef = {
  method: 'GET',
  template: '/rest/api/3/project/search',
  family: 'platform',
  scopes: ['read:jira-work'],
  handle(ctx) {
    const keys = listParam(ctx.query, 'keys');
    const typeKey = ctx.query.get('typeKey');
    const query = (ctx.query.get('query') ?? '').toLowerCase();
    const orderBy = ctx.query.get('orderBy') ?? 'key';
    if (!/^[-+]?(key|name)$/.test(orderBy)) throw new JiraError(400, [`The orderBy value '${orderBy}' is not supported here.`]);
    const field = orderBy.replace(/^[-+]/, '') as 'key' | 'name';
    const projects = ctx.state.projects
      .filter((p) => canViewProject(ctx, p))
      .filter((p) => keys.length === 0 || keys.includes(p.key))
      .filter((p) => !typeKey || p.projectTypeKey === typeKey)
      .filter((p) => !query || p.key.toLowerCase().includes(query) || p.name.toLowerCase().includes(query))
      .sort((a, b) => a[field].localeCompare(b[field]) * (orderBy.startsWith('-') ? -1 : 1));
    const startAt = Math.max(0, intParam(ctx.query, 'startAt', 0));
    const maxResults = Math.min(Math.max(1, intParam(ctx.query, 'maxResults', 50)), 100);
    return ok(
      pageBean(
        '/rest/api/3/project/search',
        projects.map((p) => renderProject(ctx.state, p)),
        startAt,
        maxResults
      )
    );
  }
};

const getFields: RouteDef = {
  method: 'GET',
  template: '/rest/api/3/field',
  family: 'platform',
  scopes: ['read:jira-work'],
  handle(ctx) {
    return ok(listedFields(ctx.state.teamFieldType).map((f) => ({ ...f, key: f.id, ...(f.schema ? { schema: { ...f.schema } } : {}) })));
  }
};

export const DIRECTORY_ROUTES: RouteDef[] = [getUser, myself, bulkUsers, userGroups, searchProjects, getProject, getFields];
