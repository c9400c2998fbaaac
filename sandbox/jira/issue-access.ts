/**
 * Finding what a request names, as the caller may see it. Jira does not tell a caller that an
 * issue or project exists when they cannot browse it: both cases answer the same 404.
 */
import { notFound, JiraError } from './jira-errors';
import { canBrowse, canViewRequest, hasProjectPermission } from './permissions';
import type { RouteContext } from './route-kit';
import type { IssueRecord, Project } from './site-model';
import { APP_ACCOUNT } from './site-state';

export interface IssueInProject {
  issue: IssueRecord;
  project: Project;
}

const ISSUE_NOT_FOUND = 'Issue does not exist or you do not have permission to see it.';

export function findIssue(ctx: RouteContext, idOrKey: string): IssueInProject | undefined {
  const issue = ctx.state.issue(idOrKey);
  const project = issue && ctx.state.project(issue.projectId);
  return issue && project ? { issue, project } : undefined;
}

/** The platform API's view: the caller needs Browse Projects in the issue's project. */
export function browsableIssue(ctx: RouteContext, idOrKey: string): IssueInProject {
  const found = findIssue(ctx, idOrKey);
  if (!found || !canBrowse(ctx.state, ctx.principal, found.project)) throw notFound(ISSUE_NOT_FOUND);
  return found;
}

/** JSM's request view: agents, and the reporter and participants of the request. */
export function viewableRequest(ctx: RouteContext, idOrKey: string): IssueInProject {
  const found = findIssue(ctx, idOrKey);
  if (!found || !found.issue.requestTypeId || !canViewRequest(ctx.state, ctx.principal, found.project, found.issue)) {
    throw notFound(
      `The request '${idOrKey}' does not exist or you do not have permission to see it.`,
      'sd.customer.request.error.issue.notfound'
    );
  }
  return found;
}

export function requireProjectPermission(ctx: RouteContext, project: Project, permission: string, message: string): void {
  if (!hasProjectPermission(ctx.state, ctx.principal, project, permission))
    throw new JiraError(403, [message], {}, 'sd.error.permission.denied');
}

/** Whether a project shows up for the caller: its users, and those who administer it. */
export function canViewProject(ctx: RouteContext, project: Project): boolean {
  return canBrowse(ctx.state, ctx.principal, project) || hasProjectPermission(ctx.state, ctx.principal, project, 'ADMINISTER_PROJECTS');
}

/** A project as the caller may see it (by id or key), or Jira's 404. */
export function browsableProject(ctx: RouteContext, idOrKey: string): Project {
  const project = ctx.state.project(idOrKey);
  if (!project || !canViewProject(ctx, project)) throw notFound(`No project could be found with key '${idOrKey}'.`);
  return project;
}

/** The account id a principal writes as (authors, changelog, events). */
export function actorId(ctx: RouteContext): string {
  return ctx.principal.kind === 'user' ? ctx.principal.accountId : APP_ACCOUNT.accountId;
}
