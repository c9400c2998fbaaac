import { z } from 'zod';
import { getSiteSettings, saveSiteSettings } from '../app/spaces/site-settings';
import { unlessJiraBusy } from './jira-busy';
import { resolverOperation } from './resolver-operation';

/** The Jira admin page's operations (R5's maximum, R31). R28: site admins only. */
export const siteOperations = {
  'site.settings.get': resolverOperation(z.strictObject({}), async (_input, caller, deps) => {
    await unlessJiraBusy(deps.callers.requireSiteAdmin(caller.accountId));
    return getSiteSettings(deps);
  }),

  // The value's range is the domain's to check, so its message names the field and range.
  'site.settings.save': resolverOperation(z.strictObject({ maxConversations: z.unknown() }), async (input, caller, deps) => {
    await unlessJiraBusy(deps.callers.requireSiteAdmin(caller.accountId));
    return saveSiteSettings(deps, input.maxConversations);
  })
};
