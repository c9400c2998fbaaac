import type { Callers } from '../../app/ports/callers';
import { AppError } from '../../app/app-error';
import type { JiraClient } from '../../app/ports/jira';
import { isRetryable } from '../../app/ports/jira-error';
import type { PermissionCache } from './kvs-permission-cache';

/**
 * R28 from Jira's own permissions, asked AS the calling user (`asUser()` and `mypermissions`)
 * inside their own invocation: a Forge app's account cannot ask Jira what another account may
 * do (that takes Administer Jira, which no scope grants). So every check here is about the
 * invocation's own user, whose account id comes from the platform's context, never from a
 * payload; the id only names the answer in the cache. Anything about other people (is this
 * agent still an agent of the space?) is answered from what their own invocations proved:
 * routing offers only to agents with a fresh heartbeat (R2), and a heartbeat passes this check.
 * - site admin: global ADMINISTER;
 * - space admin: ADMINISTER_PROJECTS on the space, or site admin;
 * - space agent: JSM's agent permission (SERVICEDESK_AGENT) on the space.
 * Answers are cached briefly (kvs-permission-cache.ts).
 */
export const AGENT_PERMISSION = 'SERVICEDESK_AGENT';

export interface CallersDeps {
  readonly jira: Pick<JiraClient, 'myPermissions'>;
  readonly permissionCache: PermissionCache;
}

const forbidden = (message: string) => new AppError('forbidden', message);
const AGENT_ANYWHERE = 'agent-anywhere';

/** Jira's answer; Jira busy: the caller is told to try again (never let in, never refused for it). */
async function asked(ask: () => Promise<boolean>): Promise<boolean> {
  try {
    return await ask();
  } catch (error) {
    if (isRetryable(error)) throw new AppError('unavailable', 'Jira is busy right now. Try again in a few seconds.');
    throw error;
  }
}

export function jiraCallers(deps: CallersDeps): Callers {
  async function cached(accountId: string, check: string, ask: () => Promise<boolean>): Promise<boolean> {
    const known = await deps.permissionCache.get(accountId, check);
    if (known !== undefined) return known;
    const allowed = await asked(ask);
    await deps.permissionCache.put(accountId, check, allowed);
    return allowed;
  }

  // Without a project, Jira answers whether the user holds the permission in any project.
  const askAgentAnywhere = async () => (await deps.jira.myPermissions([AGENT_PERMISSION]))?.has(AGENT_PERMISSION) === true;

  const isSiteAdmin = (accountId: string) =>
    cached(accountId, 'site-admin', async () => (await deps.jira.myPermissions(['ADMINISTER']))?.has('ADMINISTER') === true);

  return {
    async requireSiteAdmin(accountId) {
      if (!accountId) throw forbidden('Sign in as a Jira administrator to change site settings.');
      if (!(await isSiteAdmin(accountId))) throw forbidden('Only Jira administrators can change live chat site settings.');
    },

    async requireSpaceAdmin(accountId, projectKey) {
      if (!accountId) throw forbidden('Sign in as an administrator of this space to change its live chat settings.');
      // Global permissions come whatever the context: one request answers both, unless the
      // caller cannot see the space at all (then only being a site admin could let them in).
      const allowed = await cached(accountId, `admin:${projectKey}`, async () => {
        const held = await deps.jira.myPermissions(['ADMINISTER_PROJECTS', 'ADMINISTER'], projectKey);
        return held === null ? isSiteAdmin(accountId) : held.size > 0;
      });
      if (!allowed) throw forbidden(`Only administrators of ${projectKey} can change its live chat settings.`);
    },

    async requireSpaceAgent(accountId, projectKey) {
      if (!accountId) throw forbidden('Sign in as an agent of this space.');
      const allowed = await cached(
        accountId,
        `agent:${projectKey}`,
        async () => (await deps.jira.myPermissions([AGENT_PERMISSION], projectKey))?.has(AGENT_PERMISSION) === true
      );
      if (!allowed) throw forbidden(`Only agents of ${projectKey} can do this.`);
    },

    async isAgentAnywhere(accountId) {
      if (!accountId) return false;
      return cached(accountId, AGENT_ANYWHERE, askAgentAnywhere);
    },

    async proveAgentAnywhere(accountId) {
      // A refusal is kept as any refusal is (someone who is no agent beats no more often than Jira is asked);
      // a grant is recorded by the caller, on the roster with the heartbeat, at no write of its own.
      if ((await deps.permissionCache.get(accountId, AGENT_ANYWHERE)) === false) return false;
      const allowed = await asked(askAgentAnywhere);
      if (!allowed) await deps.permissionCache.put(accountId, AGENT_ANYWHERE, false);
      return allowed;
    }
  };
}
