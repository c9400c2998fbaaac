/**
 * JSM's request comments and participants. `public: false` writes an internal note, which only
 * agents may do; customers read public comments only. Adding participants is open to agents and
 * to the customers already on the request (JSM's default "share with" setting).
 */
import { textToAdf } from '../adf';
import { PARTICIPANTS_FIELD_ID } from '../field-catalog';
import { TEXT_LIMIT } from '../field-validation';
import { actorId, viewableRequest } from '../issue-access';
import { JiraError, forbidden } from '../jira-errors';
import { renderRequestComment } from '../render/render-comment';
import { renderServiceDeskUser, knownUser } from '../render/render-user';
import { ok, parseBody, type RouteDef } from '../route-kit';
import { CreateRequestCommentBody, RequestParticipantsBody } from '../schemas/request-bodies';
import type { CommentRecord } from '../site-model';
import { isAgent } from './request-routes';
import { servicePage } from './servicedesk-routes';

const addRequestComment: RouteDef = {
  method: 'POST',
  template: '/rest/servicedeskapi/request/{issueIdOrKey}/comment',
  family: 'servicedesk',
  scopes: ['write:servicedesk-request'],
  handle(ctx) {
    const body = parseBody(ctx, CreateRequestCommentBody);
    const { issue, project } = viewableRequest(ctx, ctx.params.issueIdOrKey);
    const isPublic = body.public ?? true;
    if (!isPublic && !isAgent(ctx, project)) forbiddenInternal();
    const text = body.body ?? '';
    if (text.trim() === '') throw new JiraError(400, ['The comment body can not be empty.'], {}, 'sd.comment.error.empty');
    if (text.length > TEXT_LIMIT)
      throw new JiraError(
        400,
        ['The entered text is too long. It exceeds the allowed limit of 32,767 characters.'],
        {},
        'sd.comment.error.too.long'
      );
    const comment: CommentRecord = {
      id: ctx.state.nextCommentId(),
      authorId: actorId(ctx),
      body: textToAdf(text),
      created: ctx.now,
      updated: ctx.now,
      jsdPublic: isPublic
    };
    issue.comments.push(comment);
    issue.updated = ctx.now;
    ctx.events.commented(issue, project, comment);
    return ok(renderRequestComment(ctx.state, issue, comment, ctx.now), 201);
  }
};

function forbiddenInternal(): never {
  throw forbidden('You do not have permission to add internal comments to this request.', 'sd.comment.error.internal.permission');
}

const getRequestComments: RouteDef = {
  method: 'GET',
  template: '/rest/servicedeskapi/request/{issueIdOrKey}/comment',
  family: 'servicedesk',
  scopes: ['read:servicedesk-request'],
  handle(ctx) {
    const { issue, project } = viewableRequest(ctx, ctx.params.issueIdOrKey);
    const wantPublic = ctx.query.get('public') !== 'false';
    // Customers never see internal notes, whatever they ask for.
    const wantInternal = ctx.query.get('internal') !== 'false' && isAgent(ctx, project);
    const comments = issue.comments
      .filter((c) => (c.jsdPublic ? wantPublic : wantInternal))
      .map((c) => renderRequestComment(ctx.state, issue, c, ctx.now));
    return ok(servicePage(ctx, `/request/${issue.id}/comment`, comments));
  }
};

const addParticipants: RouteDef = {
  method: 'POST',
  template: '/rest/servicedeskapi/request/{issueIdOrKey}/participant',
  family: 'servicedesk',
  scopes: ['write:servicedesk-request'],
  handle(ctx) {
    const body = parseBody(ctx, RequestParticipantsBody);
    if (body.usernames?.length)
      throw new JiraError(400, ['usernames is no longer supported. Use accountIds.'], {}, 'sd.participant.error.usernames');
    const { issue, project } = viewableRequest(ctx, ctx.params.issueIdOrKey);
    const ids = [...new Set(body.accountIds ?? [])];
    const missing = ids.find((id) => !ctx.state.user(id));
    if (missing) throw new JiraError(400, [`The user '${missing}' does not exist.`], {}, 'sd.participant.error.user.notfound');
    const before = [...issue.participants];
    const added = ids.filter((id) => !before.includes(id) && id !== issue.fields.reporter);
    if (added.length > 0) {
      issue.participants = [...before, ...added];
      issue.updated = ctx.now;
      const names = (list: string[]) => list.map((id) => knownUser(ctx.state, id).displayName).join(', ') || null;
      const entry = {
        id: ctx.state.nextChangelogId(),
        authorId: actorId(ctx),
        created: ctx.now,
        items: [
          {
            field: 'Request participants',
            fieldtype: 'custom' as const,
            fieldId: PARTICIPANTS_FIELD_ID,
            from: before.join(', ') || null,
            fromString: names(before),
            to: issue.participants.join(', '),
            toString: names(issue.participants)
          }
        ]
      };
      issue.changelog.push(entry);
      ctx.events.issueUpdated(issue, project, entry);
    }
    const users = issue.participants.map((id) => renderServiceDeskUser(knownUser(ctx.state, id)));
    return ok(servicePage(ctx, `/request/${issue.id}/participant`, users));
  }
};

const getParticipants: RouteDef = {
  method: 'GET',
  template: '/rest/servicedeskapi/request/{issueIdOrKey}/participant',
  family: 'servicedesk',
  scopes: ['read:servicedesk-request'],
  handle(ctx) {
    const { issue } = viewableRequest(ctx, ctx.params.issueIdOrKey);
    const users = issue.participants.map((id) => renderServiceDeskUser(knownUser(ctx.state, id)));
    return ok(servicePage(ctx, `/request/${issue.id}/participant`, users));
  }
};

export const REQUEST_COMMENT_ROUTES: RouteDef[] = [addRequestComment, getRequestComments, addParticipants, getParticipants];
