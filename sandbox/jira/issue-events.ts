/**
 * The product events the site sends to the app, in the payload shapes of Forge's Jira events
 * reference: `avi:jira:created|updated|assigned|commented:issue` and `avi:jira:created:project`.
 * `atlassianId` is the account that caused the event: the app's own account for its own edits
 * (a trigger's `ignoreSelf` filter compares against it), Automation's account for rule edits.
 */
import type { ChangelogRecord, CommentRecord, IssueRecord, Project } from './site-model';
import type { SiteState } from './site-state';
import { renderProjectRef } from './render/render-issue';
import { jiraDateTime } from './render/jira-time';
import { renderStatus } from './render/render-request';
import { knownUser } from './render/render-user';
import { issueTypeById } from './field-catalog';

export type EmitEvent = (eventType: string, payload: Record<string, unknown>) => void;

function userRef(state: SiteState, accountId: string | null) {
  if (!accountId) return null;
  const user = knownUser(state, accountId);
  return { accountId: user.accountId, displayName: user.displayName, accountType: user.accountType };
}

function issuePayload(state: SiteState, issue: IssueRecord, project: Project) {
  const type = issueTypeById(issue.issueTypeId);
  return {
    id: issue.id,
    key: issue.key,
    fields: {
      summary: issue.fields.summary,
      issuetype: { id: type.id, name: type.name, subtask: false, hierarchyLevel: 0 },
      project: renderProjectRef(project),
      status: renderStatus(issue.fields.statusId),
      labels: [...issue.fields.labels],
      assignee: userRef(state, issue.fields.assignee),
      reporter: userRef(state, issue.fields.reporter),
      creator: userRef(state, issue.fields.creator),
      created: jiraDateTime(issue.created),
      updated: jiraDateTime(issue.updated)
    }
  };
}

export class SiteEvents {
  constructor(
    private readonly state: SiteState,
    private readonly emit: EmitEvent
  ) {}

  issueCreated(issue: IssueRecord, project: Project, actorId: string): void {
    this.emit('avi:jira:created:issue', {
      eventType: 'avi:jira:created:issue',
      atlassianId: actorId,
      issue: issuePayload(this.state, issue, project)
    });
  }

  /** Jira sends `assigned` as well as `updated` when an edit changes the assignee. */
  issueUpdated(issue: IssueRecord, project: Project, entry: ChangelogRecord): void {
    const changelog = { id: entry.id, items: entry.items.map((item) => ({ ...item })) };
    const base = {
      atlassianId: entry.authorId,
      issue: issuePayload(this.state, issue, project),
      changelog,
      associatedUsers: [issue.fields.assignee, issue.fields.reporter].filter((id): id is string => !!id).map((accountId) => ({ accountId }))
    };
    if (entry.items.some((item) => item.fieldId === 'assignee'))
      this.emit('avi:jira:assigned:issue', { eventType: 'avi:jira:assigned:issue', ...base });
    this.emit('avi:jira:updated:issue', { eventType: 'avi:jira:updated:issue', ...base });
  }

  commented(issue: IssueRecord, project: Project, comment: CommentRecord): void {
    this.emit('avi:jira:commented:issue', {
      eventType: 'avi:jira:commented:issue',
      atlassianId: comment.authorId,
      issue: issuePayload(this.state, issue, project),
      comment: {
        id: comment.id,
        author: userRef(this.state, comment.authorId),
        body: comment.body,
        created: jiraDateTime(comment.created),
        updated: jiraDateTime(comment.updated),
        jsdPublic: comment.jsdPublic
      }
    });
  }

  projectCreated(project: Project, actorId: string): void {
    // Forge's Jira events reference does not promise `projectTypeKey` in this payload: the
    // sandbox leaves it out (the stricter reading), so the app must look the type up.
    const { projectTypeKey: _notPromised, ...ref } = renderProjectRef(project);
    this.emit('avi:jira:created:project', {
      eventType: 'avi:jira:created:project',
      atlassianId: actorId,
      project: { ...ref, lead: userRef(this.state, project.leadAccountId) }
    });
  }
}
