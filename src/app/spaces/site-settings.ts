import { validateSiteSettings } from '../../domain';
import { changeMaximum } from '../routing/change-maximum';
import type { AppDeps } from '../app-deps';
import { licenseNotice, type LicenseState } from './license-notice';
import { orRefuse } from './refusal';
import type { SiteStore } from '../ports/space-store';

export type SiteSettingsView = { readonly maxConversations: number } & LicenseState;

export interface SiteSettingsDeps {
  readonly siteStore: SiteStore;
  readonly license: () => boolean | undefined;
}

/** `site.settings.get`: R5's maximum, and R31's license state. */
export async function getSiteSettings(deps: SiteSettingsDeps): Promise<SiteSettingsView> {
  const { maxConversations } = await deps.siteStore.settings();
  return { maxConversations, ...licenseNotice(deps.license()) };
}

/**
 * `site.settings.save`: validated (1–20), saved, then routing is told (R5, R11: a raised
 * maximum offers waiting chats now; a lowered one drops nothing).
 */
export async function saveSiteSettings(deps: SiteSettingsDeps & AppDeps, maxConversations: unknown): Promise<SiteSettingsView> {
  const settings = orRefuse(validateSiteSettings({ maxConversations: maxConversations as number }));
  await deps.siteStore.saveSettings(settings);
  try {
    await changeMaximum(deps, settings.maxConversations);
  } catch (error) {
    // Saved: the admin's answer stands; waiting chats are dispatched by the sweep if not now.
    deps.log('maximum-dispatch-failed', { maxConversations: settings.maxConversations, error: String(error) });
  }
  return { maxConversations: settings.maxConversations, ...licenseNotice(deps.license()) };
}
