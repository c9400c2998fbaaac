/**
 * Comments through the platform API. On a JSM work item a comment is public (the customer sees
 * it) unless it carries the `sd.public.comment` property `{ internal: true }` or a visibility
 * restriction: that is how an internal note is written through `/rest/api/3`.
 */
import { AdfDocSchema, adfStoredLength } from '../adf';
import { TEXT_LIMIT } from '../field-validation';
import { actorId, browsableIssue, requireProjectPermission } from '../issue-access';
import { JiraError, fieldErrors } from '../jira-errors';
import { renderComment } from '../render/render-comment';
import { intParam, ok, parseBody, type RouteDef } from '../route-kit';
import { AddCommentBody } from '../schemas/request-bodies';
import type { CommentRecord } from '../site-model';

const INTERNAL_PROPERTY = 'sd.public.comment';

function isInternal(properties: Array<{ key?: string; value?: unknown }> | undefined): boolean {
  const property = properties?.find((p) => p.key === INTERNAL_PROPERTY);
  const value = property?.value;
  return typeof value === 'object' && value !== null && (value as { internal?: unknown }).internal === true;
}

const addComment: RouteDef = {
  method: 'POST',
  template: '/rest/api/3/issue/{issueIdOrKey}/comment',
  family: 'platform',
  scopes: ['write:jira-work'],
  handle(ctx) {
    const body = parseBody(ctx, AddCommentBody);
    const { issue, project } = browsableIssue(ctx, ctx.params.issueIdOrKey);
    requireProjectPermission(ctx, project, 'ADD_COMMENTS', 'You do not have the permission to comment on this issue.');
    if (body.body === undefined || body.body === null || body.body === '') throw fieldErrors({ comment: 'Comment body can not be empty!' });
    const doc = AdfDocSchema.safeParse(body.body);
    if (!doc.success) throw fieldErrors({ comment: 'Comment body is not valid!' });
    if (doc.data.content.length === 0) throw fieldErrors({ comment: 'Comment body can not be empty!' });
    if (adfStoredLength(doc.data) > TEXT_LIMIT)
      throw fieldErrors({ comment: 'The entered text is too long. It exceeds the allowed limit of 32,767 characters.' });
    const comment: CommentRecord = {
      id: ctx.state.nextCommentId(),
      authorId: actorId(ctx),
      body: doc.data,
      created: ctx.now,
      updated: ctx.now,
      jsdPublic: !isInternal(body.properties) && body.visibility === undefined
    };
    issue.comments.push(comment);
    issue.updated = ctx.now;
    ctx.events.commented(issue, project, comment);
    return ok(renderComment(ctx.state, issue, comment), 201);
  }
};

const getComments: RouteDef = {
  method: 'GET',
  template: '/rest/api/3/issue/{issueIdOrKey}/comment',
  family: 'platform',
  scopes: ['read:jira-work'],
  handle(ctx) {
    const { issue } = browsableIssue(ctx, ctx.params.issueIdOrKey);
    const orderBy = ctx.query.get('orderBy');
    if (orderBy !== null && !['created', '-created', '+created'].includes(orderBy)) {
      throw new JiraError(400, [`Invalid orderBy value '${orderBy}'. Only 'created' is supported.`]);
    }
    const startAt = Math.max(0, intParam(ctx.query, 'startAt', 0));
    const maxResults = Math.min(Math.max(0, intParam(ctx.query, 'maxResults', 50)), 5000);
    const ordered = orderBy === '-created' ? [...issue.comments].reverse() : issue.comments;
    const page = ordered.slice(startAt, startAt + maxResults);
    return ok({ startAt, maxResults, total: issue.comments.length, comments: page.map((c) => renderComment(ctx.state, issue, c)) });
  }
};

export const COMMENT_ROUTES: RouteDef[] = [addComment, getComments];
