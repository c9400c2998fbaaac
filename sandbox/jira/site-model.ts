/**
 * The fake site's data: what a Jira Cloud + JSM site holds that the app can observe. Plain
 * records, no behaviour; the routes read and change them and render Atlassian's JSON shapes.
 * Ids are strings, as Jira sends them, even where they look numeric.
 */
import type { AdfDoc } from './adf';

export type AccountType = 'atlassian' | 'customer' | 'app';

export interface SiteUser {
  accountId: string;
  displayName: string;
  emailAddress: string;
  accountType: AccountType;
  /**
   * Atlassian accounts only: false for one without Jira product access, whom Forge calls
   * `unlicensed` (a portal can still serve them); absent means licensed.
   */
  licensed?: boolean;
  active: boolean;
  timeZone: string;
  /** Profile visibility of the email address: false hides it from everyone but the user (profile-visibility.ts); absent: shown. */
  emailVisible?: boolean;
}

/** An Atlassian team (the Team field's values). */
export interface Team {
  id: string;
  displayName: string;
  members: string[];
}

export interface RequestTypeDef {
  id: string;
  name: string;
  description: string;
  issueTypeId: string;
}

/** The project roles of a JSM space's default permission scheme. */
export type ProjectRole = 'Administrators' | 'Service Desk Team' | 'Service Desk Customers';

export interface Project {
  id: string;
  key: string;
  name: string;
  projectTypeKey: 'service_desk';
  createdAt: number;
  leadAccountId: string;
  roles: Record<ProjectRole, string[]>;
  serviceDeskId: string;
  requestTypes: RequestTypeDef[];
  /** The number part of the last issue key handed out (SUP-41 → 41). */
  lastIssueNumber: number;
}

export interface CommentRecord {
  id: string;
  authorId: string;
  body: AdfDoc;
  created: number;
  updated: number;
  /** JSM: false for an internal note, true for a reply the customer sees. */
  jsdPublic: boolean;
}

export interface ChangeItem {
  field: string;
  fieldtype: 'jira' | 'custom';
  fieldId: string;
  from: string | null;
  fromString: string | null;
  to: string | null;
  toString: string | null;
}

export interface ChangelogRecord {
  id: string;
  authorId: string;
  created: number;
  items: ChangeItem[];
}

export interface IssueFields {
  summary: string;
  description: AdfDoc | null;
  labels: string[];
  assignee: string | null;
  reporter: string | null;
  creator: string;
  statusId: string;
  /** The Team field: an Atlassian team id. */
  team: string | null;
}

export interface IssueRecord {
  id: string;
  key: string;
  projectId: string;
  issueTypeId: string;
  requestTypeId: string | null;
  fields: IssueFields;
  created: number;
  updated: number;
  comments: CommentRecord[];
  participants: string[];
  changelog: ChangelogRecord[];
  /** Files on the work item (absent on a work item that never had one). */
  attachments?: AttachmentRecord[];
}

/** A file on a work item; its bytes kept as base64 so a snapshot stays JSON. */
export interface AttachmentRecord {
  id: string;
  filename: string;
  authorId: string;
  created: number;
  size: number;
  mimeType: string;
  base64: string;
}

/** What a test or the demo starts from (see demo-site.ts). */
export interface SiteFixture {
  users: SiteUser[];
  siteAdmins: string[];
  teams: Team[];
  projects: Array<Omit<Project, 'lastIssueNumber'>>;
}
