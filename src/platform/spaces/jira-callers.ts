import type { Callers } from '../../app/ports/callers';
import type { SpaceStore } from '../../app/spaces/space-store';
import { AppError } from '../../handlers/app-error';
import { isRetryable, type JiraClient } from '../jira';
import type { PermissionCache } from './kvs-permission-cache';

/**
 * R28 from Jira's own permissions, asked as the app about the calling account (the account id
 * comes from the platform's context, never from a payload):
 * - site admin: global ADMINISTER;
 * - space admin: ADMINISTER_PROJECTS on the space, or site admin;
 * - space agent: JSM's agent permission (SERVICEDESK_AGENT) on the space.
 * Answers are cached briefly (kvs-permission-cache.ts).
 */
export const AGENT_PERMISSION = 'SERVICEDESK_AGENT';

export interface CallersDeps {
  readonly jira: JiraClient;
  readonly permissionCache: PermissionCache;
  readonly spaceStore: Pick<SpaceStore, 'get'>;
}

const forbidden = (message: string) => new AppError('forbidden', message);

export function jiraCallers(deps: CallersDeps): Callers {
  async function cached(accountId: string, check: string, ask: () => Promise<boolean>): Promise<boolean> {
    const known = await deps.permissionCache.get(accountId, check);
    if (known !== undefined) return known;
    let allowed: boolean;
    try {
      allowed = await ask();
    } catch (error) {
      // Jira busy: the caller is told to try again (never let in, never refused for it).
      if (isRetryable(error)) throw new AppError('unavailable', 'Jira is busy right now. Try again in a few seconds.');
      throw error;
    }
    await deps.permissionCache.put(accountId, check, allowed);
    return allowed;
  }

  /** The project id of a space: from its record when the app has one, else from JSM. */
  async function projectIdOf(projectKey: string): Promise<string> {
    const stored = await deps.spaceStore.get(projectKey);
    if (stored?.projectId) return stored.projectId;
    const desk = await deps.jira.serviceDesk(projectKey);
    if (!desk) throw new AppError('not_found', `There is no service space with the key ${projectKey}.`);
    return desk.projectId;
  }

  async function holds(accountId: string, projectKey: string, permission: string, orSiteAdmin: boolean): Promise<boolean> {
    const projectId = await projectIdOf(projectKey);
    const granted = await deps.jira.checkPermissions(accountId, {
      ...(orSiteAdmin ? { global: ['ADMINISTER'] } : {}),
      project: { permissions: [permission], projectIds: [projectId] }
    });
    return (orSiteAdmin && granted.global.includes('ADMINISTER')) || (granted.projects.get(permission) ?? []).includes(projectId);
  }

  return {
    async requireSiteAdmin(accountId) {
      if (!accountId) throw forbidden('Sign in as a Jira administrator to change site settings.');
      const allowed = await cached(accountId, 'site-admin', async () => (await deps.jira.checkPermissions(accountId, { global: ['ADMINISTER'] })).global.includes('ADMINISTER'));
      if (!allowed) throw forbidden('Only Jira administrators can change live chat site settings.');
    },

    async requireSpaceAdmin(accountId, projectKey) {
      if (!accountId) throw forbidden('Sign in as an administrator of this space to change its live chat settings.');
      const allowed = await cached(accountId, `admin:${projectKey}`, () => holds(accountId, projectKey, 'ADMINISTER_PROJECTS', true));
      if (!allowed) throw forbidden(`Only administrators of ${projectKey} can change its live chat settings.`);
    },

    async requireSpaceAgent(accountId, projectKey) {
      if (!accountId) throw forbidden('Sign in as an agent of this space.');
      const allowed = await cached(accountId, `agent:${projectKey}`, () => holds(accountId, projectKey, AGENT_PERMISSION, false));
      if (!allowed) throw forbidden(`Only agents of ${projectKey} can do this.`);
    },

    async isAgentAnywhere(accountId) {
      if (!accountId) return false;
      return cached(accountId, 'agent-anywhere', async () => {
        const projectIds = (await deps.jira.serviceDesks()).map((desk) => desk.projectId);
        if (projectIds.length === 0) return false;
        const granted = await deps.jira.checkPermissions(accountId, { project: { permissions: [AGENT_PERMISSION], projectIds } });
        return (granted.projects.get(AGENT_PERMISSION) ?? []).length > 0;
      });
    }
  };
}
