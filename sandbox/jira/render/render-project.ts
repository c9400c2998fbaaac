/**
 * A project (a JSM "space") as `GET /project/{key}` and `project/search` answer it. Jira's
 * Project bean has no creation date: an app learns of new spaces from `avi:jira:created:project`.
 */
import { ISSUE_TYPES } from '../field-catalog';
import type { Project } from '../site-model';
import { SITE_BASE_URL, type SiteState } from '../site-state';
import { knownUser, renderUser } from './render-user';

export function renderProject(state: SiteState, project: Project) {
  const self = `${SITE_BASE_URL}/rest/api/3/project/${project.id}`;
  return {
    expand: 'description,lead,issueTypes,url,projectKeys,permissions,insight',
    self,
    id: project.id,
    key: project.key,
    description: '',
    lead: renderUser(knownUser(state, project.leadAccountId)),
    components: [] as never[],
    issueTypes: ISSUE_TYPES.map((t) => ({
      self: `${SITE_BASE_URL}/rest/api/3/issuetype/${t.id}`,
      id: t.id,
      description: t.description,
      iconUrl: `${SITE_BASE_URL}/rest/api/2/universal_avatar/view/type/issuetype/avatar/10553?size=medium`,
      name: t.name,
      subtask: false,
      hierarchyLevel: 0
    })),
    assigneeType: 'UNASSIGNED' as const,
    versions: [] as never[],
    name: project.name,
    roles: Object.fromEntries(Object.keys(project.roles).map((role, i) => [role, `${self}/role/${10002 + i}`])),
    avatarUrls: {
      '48x48': `${SITE_BASE_URL}/rest/api/3/universal_avatar/view/type/project/avatar/10400`,
      '24x24': `${SITE_BASE_URL}/rest/api/3/universal_avatar/view/type/project/avatar/10400?size=small`,
      '16x16': `${SITE_BASE_URL}/rest/api/3/universal_avatar/view/type/project/avatar/10400?size=xsmall`,
      '32x32': `${SITE_BASE_URL}/rest/api/3/universal_avatar/view/type/project/avatar/10400?size=medium`
    },
    projectTypeKey: project.projectTypeKey,
    simplified: false,
    style: 'classic' as const,
    isPrivate: false,
    properties: {}
  };
}
