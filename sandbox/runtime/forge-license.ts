/**
 * R31: what a test sets for the app's Marketplace license (`Sandbox.license`); undefined = no
 * license applies, as on development installs.
 */
export interface LicenseSetting {
  active: boolean;
}

/**
 * The license as Forge sends it in a resolver's context, a function's runtime context and a
 * frame's `view.getContext()`: the current shape only, whose state is `active` (the Forge
 * changelog of October 2026 removed `isActive`), so an app that still reads `isActive` sees none.
 */
export interface ForgeLicense {
  active: boolean;
  billingPeriod: string;
  ccpEntitlementId: string;
  ccpEntitlementSlug: string;
  isEvaluation: boolean;
  subscriptionEndDate: string | null;
  supportEntitlementNumber: string | null;
  trialEndDate: string | null;
  type: string;
  modes: null;
}

export function forgeLicense(setting: LicenseSetting | undefined): ForgeLicense | undefined {
  if (!setting) return undefined;
  return {
    active: setting.active,
    billingPeriod: 'MONTHLY',
    ccpEntitlementId: 'sandbox',
    ccpEntitlementSlug: 'sandbox',
    isEvaluation: false,
    subscriptionEndDate: null,
    supportEntitlementNumber: null,
    trialEndDate: null,
    type: 'commercial',
    modes: null
  };
}
