/**
 * Creating a customer request (`POST /rest/servicedeskapi/request`) and reading it back. JSM takes
 * only the fields on the request type's form (here summary and description); labels, Team and
 * the like are set afterwards with an edit, as on a real site. Raising on behalf of someone and
 * naming participants are agent powers: a portal customer gets 403.
 */
import { INITIAL_STATUS_ID } from '../field-catalog';
import { checkDescription, checkSummary } from '../field-validation';
import { actorId, viewableRequest } from '../issue-access';
import { JiraError, forbidden } from '../jira-errors';
import { hasProjectPermission } from '../permissions';
import { renderCustomerRequest } from '../render/render-request';
import { ok, parseBody, type RouteContext, type RouteDef } from '../route-kit';
import { CreateRequestBody } from '../schemas/request-bodies';
import type { IssueRecord, Project } from '../site-model';
import { serviceDeskFor } from './servicedesk-routes';

const FORM_FIELDS = ['summary', 'description'];

export function isAgent(ctx: RouteContext, project: Project): boolean {
  return hasProjectPermission(ctx.state, ctx.principal, project, 'SERVICEDESK_AGENT');
}

function invalidFields(message: string): JiraError {
  return new JiraError(
    400,
    [`Your request could not be created. Please check the fields have been correctly filled in. ${message}`],
    {},
    'sd.validation.request.creation.failure.required.field'
  );
}

function knownAccounts(ctx: RouteContext, ids: string[], what: string): string[] {
  const missing = ids.find((id) => !ctx.state.user(id));
  if (missing) throw new JiraError(400, [`The ${what} '${missing}' does not exist.`], {}, 'sd.request.create.error.user.notfound');
  return [...new Set(ids)];
}

const createRequest: RouteDef = {
  method: 'POST',
  template: '/rest/servicedeskapi/request',
  family: 'servicedesk',
  scopes: ['write:servicedesk-request'],
  handle(ctx) {
    const body = parseBody(ctx, CreateRequestBody);
    // jira.js marks every RequestCreateDTO property optional; JSM needs these two.
    if (!body.serviceDeskId)
      throw new JiraError(400, ['The serviceDeskId is required.'], {}, 'sd.request.create.error.servicedesk.required');
    if (!body.requestTypeId)
      throw new JiraError(400, ['The requestTypeId is required.'], {}, 'sd.request.create.error.requesttype.required');
    const project = serviceDeskFor(ctx, body.serviceDeskId);
    const requestType = project.requestTypes.find((t) => t.id === body.requestTypeId);
    if (!requestType)
      throw new JiraError(400, ['The request type you specified does not exist.'], {}, 'sd.request.create.error.requesttype.notfound');
    if ((body.raiseOnBehalfOf || body.requestParticipants?.length) && !isAgent(ctx, project)) {
      throw forbidden(
        'You do not have permission to raise requests on behalf of other customers or to add request participants.',
        'sd.request.create.error.permission.onbehalf'
      );
    }
    const values = body.requestFieldValues ?? {};
    const unknownField = Object.keys(values).find((id) => !FORM_FIELDS.includes(id));
    if (unknownField) throw invalidFields(`The field '${unknownField}' is not on the form of request type '${requestType.name}'.`);
    const summary = checkSummary(values.summary);
    if (!summary.ok) throw invalidFields(summary.message);
    const description = checkDescription(values.description ?? null, body.isAdfRequest === true);
    if (!description.ok) throw invalidFields(description.message);
    const reporter = body.raiseOnBehalfOf ? knownAccounts(ctx, [body.raiseOnBehalfOf], 'user')[0] : actorId(ctx);
    const participants = knownAccounts(ctx, body.requestParticipants ?? [], 'participant').filter((id) => id !== reporter);

    const identity = ctx.state.newIssueIdentity(project);
    const issue: IssueRecord = {
      ...identity,
      projectId: project.id,
      issueTypeId: requestType.issueTypeId,
      requestTypeId: requestType.id,
      fields: {
        summary: summary.value,
        description: description.value,
        labels: [],
        assignee: null,
        reporter,
        creator: actorId(ctx),
        statusId: INITIAL_STATUS_ID,
        team: null
      },
      created: ctx.now,
      updated: ctx.now,
      comments: [],
      participants,
      changelog: []
    };
    ctx.state.addIssue(issue);
    ctx.events.issueCreated(issue, project, actorId(ctx));
    return ok(renderCustomerRequest(ctx.state, issue, project, ctx.now), 201);
  }
};

const getRequest: RouteDef = {
  method: 'GET',
  template: '/rest/servicedeskapi/request/{issueIdOrKey}',
  family: 'servicedesk',
  scopes: ['read:servicedesk-request'],
  handle(ctx) {
    const { issue, project } = viewableRequest(ctx, ctx.params.issueIdOrKey);
    return ok(renderCustomerRequest(ctx.state, issue, project, ctx.now));
  }
};

export const REQUEST_ROUTES: RouteDef[] = [createRequest, getRequest];
