/**
 * R31: both settings pages say why nothing new starts while the platform reports the app's
 * license inactive. `undefined` (no license applies: development installs, the sandbox) is active.
 */
export interface LicenseState {
  readonly licenseActive: boolean;
  readonly notice: string | null;
}

export const LICENSE_INACTIVE_NOTICE =
  'Live chat is paused because the app’s Marketplace license is not active. No new chat starts: the portal chat is hidden ' +
  'and the Rovo action tells customers live chat is unavailable. Chats already running finish normally. Renew the license in Manage apps.';

export function licenseNotice(active: boolean | undefined): LicenseState {
  return active === false ? { licenseActive: false, notice: LICENSE_INACTIVE_NOTICE } : { licenseActive: true, notice: null };
}
