import { showSiteReport } from '../app/reports/show-site-report';
import { showSpaceReport } from '../app/reports/show-space-report';
import type { OperationHandlers } from './resolver-operation';
import { asSpaceAdmin } from './space-operations';

/**
 * The reports (README "Operations beyond PRODUCT.md": RP1–RP5). R28: `space.report` for the
 * space's admins (or a site admin), on the space settings page; `site.report` for site admins,
 * on the Jira admin page. Checked before anything is read.
 */
export const reportOperations = {
  'space.report': asSpaceAdmin((deps, key, input) => showSpaceReport(deps, key, input.days)),

  'site.report': async (input, caller, deps) => {
    await deps.callers.requireSiteAdmin(caller.accountId);
    return showSiteReport(deps, input.days);
  }
} satisfies Partial<OperationHandlers>;
