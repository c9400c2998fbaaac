/**
 * Work items through the platform API: read one (fields, `expand=changelog`), edit it (`fields`
 * and `update`), assign it. Edits record a changelog entry and send the product events.
 */
import { actorId, browsableIssue, requireProjectPermission } from '../issue-access';
import { applyEdit, type FieldChanges } from '../issue-edits';
import { fieldChangesFromEdit } from '../edit-body';
import { checkAssignee } from '../field-validation';
import { JiraError, fieldErrors } from '../jira-errors';
import { fieldFilter, renderIssue } from '../render/render-issue';
import { listParam, noContent, ok, parseBody, type RouteContext, type RouteDef } from '../route-kit';
import { AssignIssueBody, EditIssueBody } from '../schemas/request-bodies';
import type { IssueInProject } from '../issue-access';

const READ = ['read:jira-work'];
const WRITE = ['write:jira-work'];

function commitEdit(ctx: RouteContext, { issue, project }: IssueInProject, changes: FieldChanges): void {
  const entry = applyEdit(ctx.state, issue, actorId(ctx), changes, ctx.now);
  if (entry) ctx.events.issueUpdated(issue, project, entry);
}

const getIssue: RouteDef = {
  method: 'GET',
  template: '/rest/api/3/issue/{issueIdOrKey}',
  family: 'platform',
  scopes: READ,
  handle(ctx) {
    const { issue, project } = browsableIssue(ctx, ctx.params.issueIdOrKey);
    const options = {
      fields: fieldFilter(ctx.query.getAll('fields'), '*all'),
      expand: new Set(listParam(ctx.query, 'expand')),
      now: ctx.now
    };
    return ok(renderIssue(ctx.state, issue, project, options));
  }
};

const editIssue: RouteDef = {
  method: 'PUT',
  template: '/rest/api/3/issue/{issueIdOrKey}',
  family: 'platform',
  scopes: WRITE,
  handle(ctx) {
    const body = parseBody(ctx, EditIssueBody);
    const found = browsableIssue(ctx, ctx.params.issueIdOrKey);
    requireProjectPermission(ctx, found.project, 'EDIT_ISSUES', 'You do not have permission to edit issues in this project.');
    const changes = fieldChangesFromEdit(ctx.state, found.issue, found.project, body);
    if (changes.assignee !== undefined)
      requireProjectPermission(ctx, found.project, 'ASSIGN_ISSUES', 'You do not have permission to assign issues.');
    if (changes.reporter !== undefined)
      requireProjectPermission(ctx, found.project, 'MODIFY_REPORTER', 'You do not have permission to modify the reporter.');
    commitEdit(ctx, found, changes);
    return noContent();
  }
};

const assignIssue: RouteDef = {
  method: 'PUT',
  template: '/rest/api/3/issue/{issueIdOrKey}/assignee',
  family: 'platform',
  scopes: WRITE,
  handle(ctx) {
    const body = parseBody(ctx, AssignIssueBody);
    if (body.name !== undefined || body.key !== undefined) {
      throw new JiraError(400, ['The name and key parameters are no longer supported. Use accountId.']);
    }
    if (body.accountId === undefined) throw fieldErrors({ assignee: 'Specify the accountId of the user to assign.' });
    const found = browsableIssue(ctx, ctx.params.issueIdOrKey);
    requireProjectPermission(ctx, found.project, 'ASSIGN_ISSUES', 'You do not have permission to assign issues.');
    // "-1" asks for the project's default assignee; JSM spaces default to unassigned.
    const wanted = body.accountId === '-1' ? null : body.accountId;
    const checked = checkAssignee(ctx.state, found.project, wanted);
    if (!checked.ok) throw fieldErrors({ assignee: checked.message });
    commitEdit(ctx, found, { assignee: checked.value });
    return noContent();
  }
};

export const ISSUE_ROUTES: RouteDef[] = [getIssue, editIssue, assignIssue];
