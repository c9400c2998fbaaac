/**
 * JSM's service desks and request types (`/rest/servicedeskapi/servicedesk`). A service desk is
 * named by its id or, as JSM also accepts, by its project's id or key. Pages are JSM-style:
 * `{ size, start, limit, isLastPage, values, _links }`.
 */
import { notFound } from '../jira-errors';
import { canBrowse, canRaiseRequest } from '../permissions';
import { renderRequestType, renderServiceDesk } from '../render/render-request';
import { intParam, ok, type RouteContext, type RouteDef } from '../route-kit';
import type { Project } from '../site-model';
import { SITE_BASE_URL } from '../site-state';

const READ = ['read:servicedesk-request'];

export function servicePage<T>(ctx: RouteContext, path: string, items: T[]) {
  const start = Math.max(0, intParam(ctx.query, 'start', 0));
  const limit = Math.min(Math.max(1, intParam(ctx.query, 'limit', 50)), 100);
  const values = items.slice(start, start + limit);
  const isLastPage = start + values.length >= items.length;
  const base = `${SITE_BASE_URL}/rest/servicedeskapi`;
  return {
    size: values.length,
    start,
    limit,
    isLastPage,
    values,
    _links: {
      base: SITE_BASE_URL,
      context: '',
      self: `${base}${path}?start=${start}&limit=${limit}`,
      ...(isLastPage ? {} : { next: `${base}${path}?start=${start + limit}&limit=${limit}` }),
      ...(start > 0 ? { prev: `${base}${path}?start=${Math.max(0, start - limit)}&limit=${limit}` } : {})
    }
  };
}

/** The service desks a caller may use: agents see theirs, customers those they can raise requests in. */
function visible(ctx: RouteContext, project: Project): boolean {
  return canBrowse(ctx.state, ctx.principal, project) || canRaiseRequest(ctx.state, ctx.principal, project);
}

export function serviceDeskFor(ctx: RouteContext, idOrProject: string): Project {
  const project = ctx.state.projectByServiceDesk(idOrProject) ?? ctx.state.project(idOrProject);
  if (!project || !visible(ctx, project)) {
    throw notFound(
      `The service desk with id or project '${idOrProject}' does not exist or you do not have permission to see it.`,
      'sd.service.desk.not.found'
    );
  }
  return project;
}

const listServiceDesks: RouteDef = {
  method: 'GET',
  template: '/rest/servicedeskapi/servicedesk',
  family: 'servicedesk',
  scopes: READ,
  handle(ctx) {
    const desks = ctx.state.projects.filter((p) => visible(ctx, p)).map(renderServiceDesk);
    return ok(servicePage(ctx, '/servicedesk', desks));
  }
};

const getServiceDesk: RouteDef = {
  method: 'GET',
  template: '/rest/servicedeskapi/servicedesk/{serviceDeskId}',
  family: 'servicedesk',
  scopes: READ,
  handle(ctx) {
    return ok(renderServiceDesk(serviceDeskFor(ctx, ctx.params.serviceDeskId)));
  }
};

const listRequestTypes: RouteDef = {
  method: 'GET',
  template: '/rest/servicedeskapi/servicedesk/{serviceDeskId}/requesttype',
  family: 'servicedesk',
  scopes: READ,
  handle(ctx) {
    const project = serviceDeskFor(ctx, ctx.params.serviceDeskId);
    const search = (ctx.query.get('searchQuery') ?? '').toLowerCase();
    const types = project.requestTypes.filter((t) => t.name.toLowerCase().includes(search)).map((t) => renderRequestType(project, t));
    return ok(servicePage(ctx, `/servicedesk/${project.serviceDeskId}/requesttype`, types));
  }
};

export const SERVICEDESK_ROUTES: RouteDef[] = [listServiceDesks, getServiceDesk, listRequestTypes];
