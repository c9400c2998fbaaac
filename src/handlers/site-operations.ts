import { siteOverview } from '../app/spaces/site-overview';
import { getSiteSettings, saveSiteSettings } from '../app/spaces/site-settings';
import type { OperationHandlers } from './resolver-operation';

/** The Jira admin page's operations (R5's maximum, R31, the site overview). R28: site admins only. */
export const siteOperations = {
  'site.settings.get': async (_input, caller, deps) => {
    await deps.callers.requireSiteAdmin(caller.accountId);
    return getSiteSettings(deps);
  },

  // The value's range is the domain's to check, so its message names the field and range.
  'site.settings.save': async (input, caller, deps) => {
    await deps.callers.requireSiteAdmin(caller.accountId);
    return saveSiteSettings(deps, input.maxConversations);
  },

  // Not in PRODUCT.md's table: every service space's live chat state, agents available now, chats waiting and active.
  'site.overview': async (_input, caller, deps) => {
    await deps.callers.requireSiteAdmin(caller.accountId);
    return siteOverview(deps);
  }
} satisfies Partial<OperationHandlers>;
