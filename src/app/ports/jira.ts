/**
 * What the use cases ask of Jira, for exactly the calls the app makes (src/platform/jira
 * implements it over `requestJira` / `requestGraph`). Failures are JiraErrors (jira-error.ts):
 * `retryable` for 429, 5xx and unreachable, permanent otherwise.
 */

/** Who a call is made as: the app's own account, or the invocation's user (only inside that user's invocation). */
export type JiraCaller = 'app' | 'user';

/** A paragraph of a Jira body: optional bold lead ("Ana Souza:") then the text. */
export interface Paragraph {
  readonly lead?: string;
  readonly text: string;
}

/** A service space as JSM describes it; `siteUrl` is the site's base URL, read from the answer's links. */
export interface ServiceDesk {
  readonly serviceDeskId: string;
  readonly projectId: string;
  readonly projectKey: string;
  readonly projectName: string;
  readonly siteUrl: string;
}

export interface RequestType {
  readonly id: string;
  readonly name: string;
}

export interface TeamMembers {
  /** False when Atlassian knows no such team. */
  readonly found: boolean;
  readonly name: string | null;
  readonly memberIds: readonly string[];
  /** True when paging stopped past `limit` with members left (R4 applies anyway). */
  readonly truncated: boolean;
}

/** R15's request, raised through JSM so it gets the request type, the portal and the SLAs. */
export interface NewRequest {
  readonly serviceDeskId: string;
  readonly requestTypeId: string;
  readonly summary: string;
  readonly description: readonly Paragraph[];
  /** The customer's account; omitted for anonymous visitors (the app's account reports it). */
  readonly raiseOnBehalfOf?: string;
}

export interface IssueSnapshot {
  readonly key: string;
  readonly assignee: string | null;
  readonly labels: readonly string[];
  readonly descriptionText: string;
}

export interface CommentSnapshot {
  readonly id: string;
  readonly authorId: string | null;
  readonly text: string;
}

/** CC1: a user as Jira shows them to the caller; `emailAddress` null where their profile visibility hides it. */
export interface UserProfile {
  readonly accountId: string;
  readonly displayName: string;
  readonly emailAddress: string | null;
}

/** CC2: a work item as a list shows it. */
export interface WorkItemLine {
  readonly key: string;
  readonly summary: string;
  readonly status: string;
}

/** A file for a work item: its bytes, and the name and type the app checked (src/domain/attachment.ts). */
export interface NewAttachment {
  readonly fileName: string;
  readonly mimeType: string;
  readonly bytes: Uint8Array;
}

export interface JiraClient {
  serviceDesk(projectKeyOrId: string): Promise<ServiceDesk | null>;
  serviceDesks(): Promise<ServiceDesk[]>;
  requestTypes(serviceDeskId: string): Promise<RequestType[]>;
  assignableUsers(projectKey: string): Promise<string[]>;
  teamFieldId(): Promise<string | null>;
  teamMembers(teamId: string, limit: number): Promise<TeamMembers>;
  displayName(accountId: string): Promise<string | null>;
  currentUserId(): Promise<string | null>;
  /** R28: what the invocation's own user may do; null when Jira says the space is not theirs to see. */
  myPermissions(keys: readonly string[], projectKey?: string): Promise<ReadonlySet<string> | null>;
  createRequest(request: NewRequest): Promise<{ issueKey: string; reporter?: { accountId: string; displayName?: string } }>;
  editIssue(key: string, edit: { addLabels?: readonly string[]; fields?: Record<string, unknown> }): Promise<void>;
  setAssignee(key: string, accountId: string | null): Promise<void>;
  getIssue(key: string): Promise<IssueSnapshot>;
  searchIssues(jql: string, maxResults?: number): Promise<IssueSnapshot[]>;
  addInternalComment(key: string, paragraphs: readonly Paragraph[]): Promise<void>;
  addPublicReply(key: string, text: string, as: JiraCaller): Promise<void>;
  recentComments(key: string, maxResults: number): Promise<CommentSnapshot[]>;
  /** CC1: null when Jira knows no such user (or will not show them to the caller). */
  userProfile(accountId: string, as: JiraCaller): Promise<UserProfile | null>;
  /** CC2: the first `maxResults` work items a JQL search finds, as the caller sees them. */
  searchWorkItems(jql: string, maxResults: number, as: JiraCaller): Promise<WorkItemLine[]>;
  /** Puts a file on the work item, as the app or the invocation's user; answers Jira's attachment id. */
  addAttachment(key: string, file: NewAttachment, as: JiraCaller): Promise<{ id: string }>;
  /** The work item's attachments (a retry looks here for a file an unclear earlier attempt may have posted). */
  attachments(key: string): Promise<{ id: string; fileName: string; size: number }[]>;
}
