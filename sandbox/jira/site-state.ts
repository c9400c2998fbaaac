/**
 * The live state of one fake site, built from a fixture: lookups by id or key, and the id
 * counters Jira would use. Routes and admin mutators change it; nothing here emits events or
 * checks permissions.
 */
import { TEAM_FIELD_TYPE, type TeamFieldType } from './field-catalog';
import type { IssueRecord, Project, SiteFixture, SiteUser, Team } from './site-model';

export const SITE_BASE_URL = 'https://live-chat-sandbox.atlassian.net';

/** The Forge app's own Atlassian account: what `asApp()` calls act as. */
export const APP_ACCOUNT: SiteUser = {
  accountId: '712020:5f1e2c3a-0000-4000-8000-00000000c4a7',
  displayName: 'Live Chat Handoff',
  emailAddress: '',
  accountType: 'app',
  active: true,
  timeZone: 'Etc/UTC'
};

/** The account Jira Automation rules act as (its id is the same on every Cloud site). */
export const AUTOMATION_ACCOUNT: SiteUser = {
  accountId: '557058:f58131cb-b67d-43c7-b30d-6b58d40bd077',
  displayName: 'Automation for Jira',
  emailAddress: '',
  accountType: 'app',
  active: true,
  timeZone: 'Etc/UTC'
};

/** Everything a site holds, as JSON: `npm start` keeps it across restarts. */
export interface SiteSnapshot {
  users: SiteUser[];
  siteAdmins: string[];
  teams: Team[];
  projects: Project[];
  issues: IssueRecord[];
  counters: { project: number; issue: number; comment: number; changelog: number; serviceDesk: number; attachment?: number };
}

export class SiteState {
  readonly users = new Map<string, SiteUser>();
  readonly siteAdmins = new Set<string>();
  readonly teams = new Map<string, Team>();
  readonly projects: Project[] = [];
  /**
   * The scopes the installed app's manifest declares: Jira grants the app's account what they
   * cover (permissions.ts, appGrants). Set by createJiraSite from its options; not part of a snapshot.
   */
  appScopes: ReadonlySet<string> = new Set();
  /** The Team field's type key as `GET /rest/api/3/field` lists it (field-catalog.ts). */
  teamFieldType: TeamFieldType = TEAM_FIELD_TYPE;
  private readonly issuesById = new Map<string, IssueRecord>();
  private readonly issueIdsByKey = new Map<string, string>();
  private counters = { project: 10000, issue: 10000, comment: 10000, changelog: 10000, serviceDesk: 0, attachment: 10000 };
  /**
   * The site's attachment size limit (Jira settings → Attachments; `GET /attachment/meta`'s
   * `uploadLimit`): 10 MB here, as the app's own limit; tests lower it to meet Jira's 413.
   */
  attachmentUploadLimit = 10 * 1024 * 1024;

  constructor(fixture: SiteFixture) {
    for (const user of [APP_ACCOUNT, AUTOMATION_ACCOUNT, ...fixture.users]) this.users.set(user.accountId, { ...user });
    for (const admin of fixture.siteAdmins) this.siteAdmins.add(admin);
    for (const team of fixture.teams) this.teams.set(team.id, { ...team, members: [...team.members] });
    for (const project of fixture.projects) this.addProject({ ...project, lastIssueNumber: 0 });
  }

  user(accountId: string): SiteUser | undefined {
    return this.users.get(accountId);
  }

  project(idOrKey: string): Project | undefined {
    return this.projects.find((p) => p.id === idOrKey || p.key === idOrKey);
  }

  projectByServiceDesk(serviceDeskId: string): Project | undefined {
    return this.projects.find((p) => p.serviceDeskId === serviceDeskId);
  }

  addProject(project: Project): Project {
    this.projects.push(project);
    this.counters.project = Math.max(this.counters.project, Number(project.id));
    this.counters.serviceDesk = Math.max(this.counters.serviceDesk, Number(project.serviceDeskId));
    return project;
  }

  nextProjectIds(): { id: string; serviceDeskId: string } {
    this.counters.project += 1;
    this.counters.serviceDesk += 1;
    return { id: String(this.counters.project), serviceDeskId: String(this.counters.serviceDesk) };
  }

  issue(idOrKey: string): IssueRecord | undefined {
    const id = this.issueIdsByKey.get(idOrKey.toUpperCase()) ?? idOrKey;
    return this.issuesById.get(id);
  }

  issues(): IssueRecord[] {
    return [...this.issuesById.values()];
  }

  /** Allocates the next key in the project (SUP-1, SUP-2, ...) and a site-wide numeric id. */
  newIssueIdentity(project: Project): { id: string; key: string } {
    project.lastIssueNumber += 1;
    this.counters.issue += 1;
    return { id: String(this.counters.issue), key: `${project.key}-${project.lastIssueNumber}` };
  }

  addIssue(issue: IssueRecord): void {
    this.issuesById.set(issue.id, issue);
    this.issueIdsByKey.set(issue.key, issue.id);
  }

  nextCommentId(): string {
    this.counters.comment += 1;
    return String(this.counters.comment);
  }

  nextAttachmentId(): string {
    this.counters.attachment += 1;
    return String(this.counters.attachment);
  }

  nextChangelogId(): string {
    this.counters.changelog += 1;
    return String(this.counters.changelog);
  }

  snapshot(): SiteSnapshot {
    const builtIn = new Set([APP_ACCOUNT.accountId, AUTOMATION_ACCOUNT.accountId]);
    return structuredClone({
      users: [...this.users.values()].filter((u) => !builtIn.has(u.accountId)),
      siteAdmins: [...this.siteAdmins],
      teams: [...this.teams.values()],
      projects: this.projects,
      issues: this.issues(),
      counters: this.counters
    });
  }

  static fromSnapshot(snapshot: SiteSnapshot): SiteState {
    const state = new SiteState({ users: snapshot.users, siteAdmins: snapshot.siteAdmins, teams: snapshot.teams, projects: [] });
    for (const project of structuredClone(snapshot.projects)) state.addProject(project);
    for (const issue of structuredClone(snapshot.issues)) state.addIssue(issue);
    state.counters = { attachment: 10000, ...snapshot.counters };
    return state;
  }
}
