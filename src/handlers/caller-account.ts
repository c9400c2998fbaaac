/**
 * Forge names an anonymous portal visitor `accountId: 'unidentified'` with `accountType:
 * 'anonymous'` ("Access to Forge apps for unlicensed users"): the same id for every anonymous
 * visitor of every site, so it is no account. The app's callers are a real account
 * (licensed, unlicensed or customer) or `undefined`, never that id.
 */
export const ANONYMOUS_ACCOUNT_ID = 'unidentified';

export function callerAccount(accountId: unknown, accountType?: unknown): string | undefined {
  if (accountType === 'anonymous') return undefined;
  if (typeof accountId !== 'string' || accountId === '' || accountId === ANONYMOUS_ACCOUNT_ID) return undefined;
  return accountId;
}
