import { getAppContext } from '@forge/api';

/**
 * R31: what the platform reports for the app's Marketplace license: `false` when inactive,
 * `undefined` where no license applies (development installs, the sandbox), which counts as active.
 */
export function licenseActive(): boolean | undefined {
  try {
    const license = getAppContext().license;
    if (!license) return undefined;
    // Forge's current shape: `active` (the October 2026 changelog removed `isActive`).
    return license.active;
  } catch {
    return undefined;
  }
}
