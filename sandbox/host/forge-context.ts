import { forgeIdentity } from '../runtime/forge-identity';
import { forgeLicense } from '../runtime/forge-license';
import { SANDBOX_CLOUD_ID } from '../runtime/forge-seam';
import type { Sandbox } from '../runtime/sandbox';
import type { FrameSession } from './frame-sessions';

/**
 * What `view.getContext()` answers a frame (@forge/bridge's FullContext): the same module, cloud
 * and extension context its resolver calls get, plus the page-level facts Forge adds (locale,
 * timezone, theme, license, the app's scopes).
 */
export const THEME = {
  colorMode: 'light',
  dark: 'dark',
  light: 'light',
  shape: 'shape',
  spacing: 'spacing',
  typography: 'typography'
} as const;

/** The `data-theme` attribute Atlassian's design tokens read, for the theme above. */
export const THEME_ATTRIBUTE = 'dark:dark light:light shape:shape spacing:spacing typography:typography';

export function forgeContext(sandbox: Sandbox, session: FrameSession, siteUrl: string): Record<string, unknown> {
  const user = session.accountId ? sandbox.jira.user(session.accountId) : undefined;
  const license = forgeLicense(sandbox.license);
  // The same caller the module's resolver calls name: an anonymous visitor is 'unidentified'.
  const { accountId, accountType } = forgeIdentity((id) => sandbox.jira.user(id), session.accountId);
  return {
    accountId,
    accountType,
    cloudId: SANDBOX_CLOUD_ID,
    siteUrl,
    environmentId: 'sandbox',
    environmentType: 'DEVELOPMENT',
    // The same localId the app host gives the module's resolver calls.
    localId: `${session.moduleKey}-local`,
    moduleKey: session.moduleKey,
    extension: session.extension,
    locale: 'en-US',
    timezone: user?.timeZone ?? 'UTC',
    theme: { ...THEME },
    surfaceColor: null,
    // Forge sends a license only where one applies; the sandbox has none unless a test sets one (R31).
    ...(license ? { license } : {}),
    permissions: { scopes: sandbox.manifest.scopes }
  };
}
