import type { SiteUser } from '../jira/site-model';

/**
 * Who Forge says is calling, as a resolver's context and a frame's `view.getContext()` hold it
 * ("Access to Forge apps for unlicensed users"): every caller has an `accountId` and an
 * `accountType`. JSM's three unlicensed kinds on a portal are `customer` (a portal-only
 * account), `unlicensed` (an Atlassian account without Jira) and `anonymous` (nobody signed
 * in), whose `accountId` is the literal `'unidentified'`, the same for every anonymous visitor.
 */
export type ForgeAccountType = 'licensed' | 'unlicensed' | 'customer' | 'anonymous';

export const ANONYMOUS_ACCOUNT_ID = 'unidentified';

export interface ForgeIdentity {
  readonly accountId: string;
  readonly accountType: ForgeAccountType;
}

export const ANONYMOUS: ForgeIdentity = { accountId: ANONYMOUS_ACCOUNT_ID, accountType: 'anonymous' };

/** The identity of `accountId` on the site (undefined: nobody signed in). */
export function forgeIdentity(user: (accountId: string) => SiteUser | undefined, accountId: string | undefined): ForgeIdentity {
  if (accountId === undefined || accountId === ANONYMOUS_ACCOUNT_ID) return ANONYMOUS;
  const found = user(accountId);
  if (found?.accountType === 'customer') return { accountId, accountType: 'customer' };
  if (found?.accountType === 'atlassian' && found.licensed === false) return { accountId, accountType: 'unlicensed' };
  return { accountId, accountType: 'licensed' };
}
