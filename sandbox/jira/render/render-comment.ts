/**
 * A comment as each API shows it: the platform API's `Comment` (ADF body, `jsdPublic`) and JSM's
 * request comment (plain-text body, `public`). Both read the same stored comment.
 */
import { adfToText } from '../adf';
import type { CommentRecord, IssueRecord } from '../site-model';
import { SITE_BASE_URL, type SiteState } from '../site-state';
import { jiraDateTime, serviceDeskDate } from './jira-time';
import { knownUser, renderServiceDeskUser, renderUserDetails } from './render-user';

export function renderComment(state: SiteState, issue: IssueRecord, comment: CommentRecord) {
  const author = renderUserDetails(knownUser(state, comment.authorId));
  return {
    self: `${SITE_BASE_URL}/rest/api/3/issue/${issue.id}/comment/${comment.id}`,
    id: comment.id,
    author,
    body: comment.body,
    updateAuthor: author,
    created: jiraDateTime(comment.created),
    updated: jiraDateTime(comment.updated),
    jsdPublic: comment.jsdPublic,
    jsdAuthorCanSeeRequest: false
  };
}

export function renderRequestComment(state: SiteState, issue: IssueRecord, comment: CommentRecord, now: number) {
  return {
    _expands: ['attachment', 'renderedBody'],
    id: comment.id,
    body: adfToText(comment.body),
    public: comment.jsdPublic,
    author: renderServiceDeskUser(knownUser(state, comment.authorId)),
    created: serviceDeskDate(comment.created, now),
    _links: { self: `${SITE_BASE_URL}/rest/servicedeskapi/request/${issue.id}/comment/${comment.id}` }
  };
}
