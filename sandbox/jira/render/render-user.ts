/**
 * How a user appears in answers: the platform API's `User` / `UserDetails` and JSM's user with
 * `_links`. Every one carries the account id, the only stable identifier Jira Cloud exposes.
 */
import type { SiteUser } from '../site-model';
import { SITE_BASE_URL, type SiteState } from '../site-state';

function avatarUrls(user: SiteUser): Record<'48x48' | '24x24' | '16x16' | '32x32', string> {
  const initials = user.displayName
    .split(/\s+/)
    .map((part) => part[0] ?? '')
    .join('')
    .slice(0, 2)
    .toUpperCase();
  const url = (size: number) => `https://avatar-management.sandbox.invalid/initials/${initials}-${size}.png`;
  return { '48x48': url(48), '24x24': url(24), '16x16': url(16), '32x32': url(32) };
}

function userSelf(accountId: string): string {
  return `${SITE_BASE_URL}/rest/api/3/user?accountId=${encodeURIComponent(accountId)}`;
}

/** `User` (GET /user, /myself, user searches). Apps have no email address to show. */
export function renderUser(user: SiteUser) {
  return {
    self: userSelf(user.accountId),
    accountId: user.accountId,
    accountType: user.accountType,
    ...(user.emailAddress ? { emailAddress: user.emailAddress } : {}),
    avatarUrls: avatarUrls(user),
    displayName: user.displayName,
    active: user.active,
    timeZone: user.timeZone,
    locale: 'en_US'
  };
}

/** `UserDetails` (assignee, reporter, comment authors, changelog authors). */
export function renderUserDetails(user: SiteUser) {
  return {
    self: userSelf(user.accountId),
    accountId: user.accountId,
    ...(user.emailAddress ? { emailAddress: user.emailAddress } : {}),
    avatarUrls: avatarUrls(user),
    displayName: user.displayName,
    active: user.active,
    timeZone: user.timeZone,
    accountType: user.accountType
  };
}

/** JSM's user (request reporter, participants, comment authors). */
export function renderServiceDeskUser(user: SiteUser) {
  return {
    accountId: user.accountId,
    ...(user.emailAddress ? { emailAddress: user.emailAddress } : {}),
    displayName: user.displayName,
    active: user.active,
    timeZone: user.timeZone,
    _links: { jiraRest: userSelf(user.accountId), avatarUrls: avatarUrls(user), self: userSelf(user.accountId) }
  };
}

/** Looks a user up for rendering; a missing account renders as Jira renders a deleted one. */
export function knownUser(state: SiteState, accountId: string): SiteUser {
  return (
    state.user(accountId) ?? {
      accountId,
      displayName: 'Former user',
      emailAddress: '',
      accountType: 'atlassian',
      active: false,
      timeZone: 'Etc/UTC'
    }
  );
}
