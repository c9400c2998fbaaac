import { route } from '@forge/api';
import { z } from 'zod';
import { JiraError } from '../../app/ports/jira-error';
import { jiraJson } from './jira-http';
import type { RequestType, ServiceDesk } from '../../app/ports/jira';

const ServiceDeskSchema = z.object({
  id: z.coerce.string(),
  projectId: z.coerce.string(),
  projectKey: z.string(),
  projectName: z.string(),
  _links: z.object({ self: z.string() }).optional()
});

const page = <T extends z.ZodType>(item: T) => z.object({ values: z.array(item), isLastPage: z.boolean().optional() });

const UserSchema = z.object({
  accountId: z.string(),
  accountType: z.string().optional(),
  active: z.boolean().optional(),
  displayName: z.string().optional()
});

const FieldSchema = z.object({ id: z.string(), schema: z.object({ custom: z.string().optional() }).optional() });

/**
 * The Team field's type key: Atlassian's Teams docs give the first
 * (developer.atlassian.com/platform/teams/components/team-field-in-jira-rest-api); sites also
 * list the second. Either is the Team field.
 */
const TEAM_FIELD_TYPES: ReadonlySet<string> = new Set([
  'com.atlassian.teams:rm-teams-custom-field-team',
  'com.atlassian.jira.plugin.system.customfieldtypes:atlassian-team'
]);
/** user/assignable/search pages at most 1,000 users; R4 supports 100 agents, so a few pages is plenty. */
const USER_PAGE = 1000;
const MAX_USER_PAGES = 5;

function toServiceDesk(value: z.infer<typeof ServiceDeskSchema>): ServiceDesk {
  const self = value._links?.self ?? '';
  const siteUrl = self.includes('/rest/') ? self.slice(0, self.indexOf('/rest/')) : '';
  return { serviceDeskId: value.id, projectId: value.projectId, projectKey: value.projectKey, projectName: value.projectName, siteUrl };
}

/**
 * The service space of a project key (or of a service desk id: JSM takes either); null when
 * it does not exist or is not a service space.
 */
export async function serviceDesk(projectKeyOrId: string): Promise<ServiceDesk | null> {
  try {
    return toServiceDesk(
      await jiraJson({ as: 'app', method: 'GET', path: route`/rest/servicedeskapi/servicedesk/${projectKeyOrId}` }, ServiceDeskSchema)
    );
  } catch (error) {
    if (error instanceof JiraError && (error.status === 404 || error.status === 400)) return null;
    throw error;
  }
}

export async function serviceDesks(): Promise<ServiceDesk[]> {
  const desks: ServiceDesk[] = [];
  for (let start = 0; ; start += 100) {
    const answer = await jiraJson(
      { as: 'app', method: 'GET', path: route`/rest/servicedeskapi/servicedesk?start=${start}&limit=${100}` },
      page(ServiceDeskSchema)
    );
    desks.push(...answer.values.map(toServiceDesk));
    if (answer.isLastPage !== false || answer.values.length === 0) return desks;
  }
}

export async function requestTypes(serviceDeskId: string): Promise<RequestType[]> {
  const types: RequestType[] = [];
  for (let start = 0; ; start += 100) {
    const path = route`/rest/servicedeskapi/servicedesk/${serviceDeskId}/requesttype?start=${start}&limit=${100}`;
    const answer = await jiraJson({ as: 'app', method: 'GET', path }, page(z.object({ id: z.coerce.string(), name: z.string() })));
    types.push(...answer.values.map(({ id, name }) => ({ id, name })));
    if (answer.isLastPage !== false || answer.values.length === 0) return types;
  }
}

/**
 * R3 without a team, as the app may ask: the active people work in the space can be assigned
 * to (`user/assignable/search`: "Permission to access Jira", which the app's account has;
 * `user/permission/search`, by the agent permission itself, takes Administer Projects). In
 * JSM's schemes the Service Desk Team is who is Assignable. Being listed is not enough to get
 * chats: an agent's inbox proves their own agent permission, as them, before they can be
 * Available (R2, R28), and only an assignable agent can be given a chat's work item (R7).
 */
export async function assignableUsers(projectKey: string): Promise<string[]> {
  const ids: string[] = [];
  for (let pageIndex = 0; pageIndex < MAX_USER_PAGES; pageIndex += 1) {
    const startAt = pageIndex * USER_PAGE;
    const path = route`/rest/api/3/user/assignable/search?project=${projectKey}&startAt=${startAt}&maxResults=${USER_PAGE}`;
    const users = await jiraJson({ as: 'app', method: 'GET', path }, z.array(UserSchema));
    ids.push(...users.filter((u) => u.active !== false && (u.accountType ?? 'atlassian') === 'atlassian').map((u) => u.accountId));
    if (users.length < USER_PAGE) break;
  }
  return [...new Set(ids)];
}

/** The Team field's id differs per site: found by its type. */
export async function teamFieldId(): Promise<string | null> {
  const fields = await jiraJson({ as: 'app', method: 'GET', path: route`/rest/api/3/field` }, z.array(FieldSchema));
  return fields.find((f) => f.schema?.custom !== undefined && TEAM_FIELD_TYPES.has(f.schema.custom))?.id ?? null;
}

export async function displayName(accountId: string): Promise<string | null> {
  try {
    const user = await jiraJson({ as: 'app', method: 'GET', path: route`/rest/api/3/user?accountId=${accountId}` }, UserSchema);
    return user.displayName ?? null;
  } catch (error) {
    if (error instanceof JiraError && !error.retryable) return null;
    throw error;
  }
}

/** The account the invocation runs for (asUser), to be sure who a user call will be made as. */
export async function currentUserId(): Promise<string | null> {
  try {
    return (await jiraJson({ as: 'user', method: 'GET', path: route`/rest/api/3/myself` }, UserSchema)).accountId;
  } catch (error) {
    if (error instanceof JiraError && error.status === 401) return null;
    throw error;
  }
}
