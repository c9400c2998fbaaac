import { kvs } from '@forge/kvs';
import { DEFAULT_SITE_SETTINGS, type SiteSettings } from '../../domain';
import type { SiteStore } from '../../app/ports/space-store';

/** The one site-wide record (R5's maximum): a plain key, a single value, last save wins. */
const SITE_SETTINGS = 'site-settings';

export function kvsSiteStore(): SiteStore {
  return {
    async settings() {
      return (await kvs.get<SiteSettings>(SITE_SETTINGS)) ?? DEFAULT_SITE_SETTINGS;
    },
    async saveSettings(settings) {
      await kvs.set(SITE_SETTINGS, settings);
    }
  };
}
