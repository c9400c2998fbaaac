/**
 * The fake Jira Cloud + JSM site: `createJiraSite(...)` builds it from a fixture, `register(seam)`
 * serves the app's `requestJira` calls, `graphqlHandler` its `requestGraph` Team Query,
 * `handleJiraHttp` serves the same routes over HTTP, and
 * the read accessors and admin mutators let tests and the demo see and change the site the way
 * someone in Jira's UI (or an Automation rule) would.
 */
import type { SandboxClock } from '../runtime/clock';
import type { FaultInjector } from '../runtime/faults';
import type { ForgeSeam } from '../runtime/forge-seam';
import type { UsageMeter } from '../runtime/usage-meter';
import { demoSite } from './demo-site';
import { graphqlHandler } from './graphql/graphql-door';
import { TEAM_MEMBERSHIP_SCOPE, TEAM_SCOPE } from './graphql/team-members-query';
import { httpHandler, seamHandler, type HttpQuery, type HttpReply } from './jira-doors';
import type { TeamFieldType } from './field-catalog';
import { applyEdit, type FieldChanges } from './issue-edits';
import { SiteEvents, type EmitEvent } from './issue-events';
import { JiraRouter } from './router';
import { ALL_ROUTES } from './routes/all-routes';
import type {
  AttachmentRecord,
  CommentRecord,
  IssueRecord,
  Project,
  ProjectRole,
  RequestTypeDef,
  SiteFixture,
  SiteUser,
  Team
} from './site-model';
import { APP_ACCOUNT, AUTOMATION_ACCOUNT, SiteState, type SiteSnapshot } from './site-state';

/**
 * The scopes the app's manifest declares: Jira's classic scopes (a REST call needing any other
 * answers 401) and the Team Query's (`view:team:teams`, `view:membership:teams`).
 */
export const DEFAULT_APP_SCOPES = [
  'read:jira-work',
  'write:jira-work',
  'read:jira-user',
  'read:servicedesk-request',
  'write:servicedesk-request',
  'manage:jira-configuration',
  TEAM_SCOPE,
  TEAM_MEMBERSHIP_SCOPE
];

export interface JiraSiteOptions {
  clock: SandboxClock;
  meter: UsageMeter;
  faults: FaultInjector;
  /** Receives the product events (`avi:jira:*`) the app's triggers subscribe to. */
  emit?: EmitEvent;
  /** The site to start from; defaults to demoSite() as of the clock's now. */
  site?: SiteFixture;
  /** A site saved by `snapshot()` (wins over `site`): `npm start` restores it after a restart. */
  snapshot?: SiteSnapshot;
  appScopes?: Iterable<string>;
}

export interface NewProject {
  key: string;
  name: string;
  lead: string;
  admins?: string[];
  agents?: string[];
  customers?: string[];
  requestTypes?: Array<Omit<RequestTypeDef, 'id'> & { id?: string }>;
}

const copy = <T>(value: T): T => structuredClone(value);

export function createJiraSite(options: JiraSiteOptions) {
  const { clock, meter, faults } = options;
  const state = options.snapshot ? SiteState.fromSnapshot(options.snapshot) : new SiteState(options.site ?? demoSite(clock.now()));
  const events = new SiteEvents(state, options.emit ?? (() => undefined));
  let appScopes = new Set(options.appScopes ?? DEFAULT_APP_SCOPES);
  state.appScopes = appScopes;
  const router = new JiraRouter(ALL_ROUTES, {
    state,
    events,
    meter,
    faults,
    now: () => clock.now(),
    get appScopes() {
      return appScopes;
    }
  });

  const issueOrThrow = (key: string): IssueRecord => {
    const issue = state.issue(key);
    if (!issue) throw new Error(`no work item ${key} on the sandbox site`);
    return issue;
  };

  return {
    appAccountId: APP_ACCOUNT.accountId,
    automationAccountId: AUTOMATION_ACCOUNT.accountId,

    snapshot: (): SiteSnapshot => state.snapshot(),

    register(seam: ForgeSeam): void {
      seam.register('fpp:jira', seamHandler(state, router));
    },

    /**
     * The site's Atlassian GraphQL API (`requestGraph`: `fpp:stargate` `/graphql`, the Team
     * Query). The events service owns `fpp:stargate`: pass this as its `otherStargate` handler.
     */
    graphqlHandler: graphqlHandler({ state, meter, faults, now: () => clock.now(), appScopes: () => appScopes }),

    handleJiraHttp: httpHandler(state, router) as (
      method: string,
      path: string,
      query: HttpQuery,
      body: unknown,
      asAccountId: string | undefined
    ) => Promise<HttpReply>,

    // Reads (copies: tests cannot change the site by mutating what they get).
    getIssue: (key: string): IssueRecord | undefined => copy(state.issue(key)),
    listIssues: (projectKey?: string): IssueRecord[] =>
      copy(state.issues().filter((i) => !projectKey || state.project(projectKey)?.id === i.projectId)),
    comments: (key: string): CommentRecord[] => copy(issueOrThrow(key).comments),
    attachments: (key: string): AttachmentRecord[] => copy(issueOrThrow(key).attachments ?? []),
    user: (accountId: string): SiteUser | undefined => copy(state.user(accountId)),
    project: (key: string): Project | undefined => copy(state.project(key)),
    teamMembers: (teamId: string): string[] => [...(state.teams.get(teamId)?.members ?? [])],

    // Admin mutators: what an admin does in Jira's UI.
    /** Jira settings → Attachments: the largest file the site takes, in bytes. */
    setAttachmentLimit(bytes: number): void {
      state.attachmentUploadLimit = bytes;
    },
    addUser(user: SiteUser, opts: { siteAdmin?: boolean } = {}): void {
      state.users.set(user.accountId, { ...user });
      if (opts.siteAdmin) state.siteAdmins.add(user.accountId);
    },
    /** Adds the account to (or removes it from) the site's admin groups: Administer Jira. The app's account too (`appAccountId`). */
    setSiteAdmin(accountId: string, admin: boolean): void {
      if (!state.user(accountId)) throw new Error(`no user ${accountId}`);
      if (admin) state.siteAdmins.add(accountId);
      else state.siteAdmins.delete(accountId);
    },
    setUserActive(accountId: string, active: boolean): void {
      const user = state.user(accountId);
      if (!user) throw new Error(`no user ${accountId}`);
      user.active = active;
    },
    addTeam(team: Team): void {
      state.teams.set(team.id, { ...team, members: [...team.members] });
    },
    setTeamMembers(teamId: string, accountIds: string[]): void {
      const team = state.teams.get(teamId);
      if (!team) throw new Error(`no team ${teamId}`);
      team.members = [...accountIds];
    },
    setProjectRole(projectKey: string, role: ProjectRole, accountIds: string[]): void {
      const project = state.project(projectKey);
      if (!project) throw new Error(`no project ${projectKey}`);
      project.roles[role] = [...accountIds];
    },
    /** Creates a service space now, as an admin would, and sends `avi:jira:created:project`. */
    createProject(spec: NewProject): Project {
      if (state.project(spec.key)) throw new Error(`project ${spec.key} exists`);
      const ids = state.nextProjectIds();
      const project = state.addProject({
        id: ids.id,
        key: spec.key,
        name: spec.name,
        projectTypeKey: 'service_desk',
        createdAt: clock.now(),
        leadAccountId: spec.lead,
        roles: {
          Administrators: spec.admins ?? [spec.lead],
          'Service Desk Team': spec.agents ?? [],
          'Service Desk Customers': spec.customers ?? []
        },
        serviceDeskId: ids.serviceDeskId,
        requestTypes: (spec.requestTypes ?? [{ name: 'Get help', description: 'Ask for help.', issueTypeId: '10003' }]).map((t, i) => ({
          ...t,
          id: t.id ?? `${ids.serviceDeskId}${i + 1}`
        })),
        lastIssueNumber: 0
      });
      events.projectCreated(project, spec.lead);
      return copy(project);
    },
    /**
     * Sends `avi:jira:created:project` for a space the fixture lists, as Jira sent it when the
     * space was created (the demo's SUP was created after the app was installed).
     */
    announceProjectCreated(key: string): void {
      const project = state.project(key);
      if (!project) throw new Error(`no project ${key}`);
      events.projectCreated(project, project.leadAccountId);
    },
    /** An edit made by a Jira Automation rule (or, with `actorId`, by someone in the issue view). */
    editIssueAsAutomation(key: string, changes: FieldChanges, actorId: string = AUTOMATION_ACCOUNT.accountId): void {
      const issue = issueOrThrow(key);
      const project = state.project(issue.projectId);
      if (!project) throw new Error(`work item ${key} has no project`);
      const entry = applyEdit(state, issue, actorId, changes, clock.now());
      if (entry) events.issueUpdated(issue, project, entry);
    },
    /** Which of the Team field's type keys the site lists (field-catalog.ts TEAM_FIELD_TYPES). */
    setTeamFieldType(type: TeamFieldType): void {
      state.teamFieldType = type;
    },
    /** A new app version with other scopes installed: Jira re-syncs the app account's grants to them. */
    setAppScopes(scopes: Iterable<string>): void {
      appScopes = new Set(scopes);
      state.appScopes = appScopes;
    }
  };
}

export type JiraSite = ReturnType<typeof createJiraSite>;
