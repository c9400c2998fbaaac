/**
 * Atlassian account profile visibility, for the one field the app reads that it can hide: the
 * email address. Jira's `User`: "The email address of the user. Depending on the user's privacy
 * settings, this may be returned as null"; Atlassian's profile-visibility guide: "if the user has
 * chosen to hide fields in their profile, your apps will not be able to retrieve those fields via
 * the API". So an account whose email is not visible to anyone (`SiteUser.emailVisible: false`)
 * shows no `emailAddress` in any answer, to people and to apps alike, except to themselves.
 * Applied once to every answer (router.ts), so no route can leak it.
 */
import type { Principal } from './permissions';
import type { SiteState } from './site-state';

export function withProfileVisibility(body: unknown, state: SiteState, principal: Principal): unknown {
  const viewer = principal.kind === 'user' ? principal.accountId : null;
  const hide = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(hide);
    if (typeof value !== 'object' || value === null) return value;
    const record = value as Record<string, unknown>;
    const out: Record<string, unknown> = {};
    for (const [key, field] of Object.entries(record)) out[key] = hide(field);
    const accountId = record.accountId;
    if (
      'emailAddress' in record &&
      typeof accountId === 'string' &&
      accountId !== viewer &&
      state.user(accountId)?.emailVisible === false
    ) {
      delete out.emailAddress;
    }
    return out;
  };
  return hide(body);
}
