import type { BusinessHours } from './business-hours';
import type { Timing } from './conversation';

/** A space's live chat settings (PRODUCT.md settings table). */
export interface SpaceSettings {
  readonly enabled: boolean;
  readonly setUp: boolean;
  readonly timeToAssignMinutes: number;
  readonly offerTimeoutSeconds: number;
  readonly timeToReplyMinutes: number;
  readonly teamId: string | null;
  readonly showOnlyWhenAvailable: boolean;
  readonly requestTypeId: string | null;
  /** Read-only. */
  readonly defaultLabel: string;
  readonly fallbackMessage: string;
  /** H1: when live chat is open; null (and absent, in records older than it): always open. */
  readonly businessHours?: BusinessHours | null;
}

/** One value for all spaces. */
export interface SiteSettings {
  readonly maxConversations: number;
}

export const DEFAULT_LABEL = 'live-chat';

export const WORK_ITEM_PLACEHOLDER = '{workItem}';

export const DEFAULT_FALLBACK_MESSAGE =
  'All our agents are busy right now. We have logged your request as {workItem} and will follow up there.';

export const DEFAULT_SITE_SETTINGS: SiteSettings = { maxConversations: 3 };

/** Live chat starts on for spaces created after install, off for spaces that existed before. */
export function defaultSpaceSettings(space: { existedBeforeInstall: boolean }): SpaceSettings {
  return {
    enabled: !space.existedBeforeInstall,
    setUp: false,
    timeToAssignMinutes: 20,
    offerTimeoutSeconds: 120,
    timeToReplyMinutes: 10,
    teamId: null,
    showOnlyWhenAvailable: true,
    requestTypeId: null,
    defaultLabel: DEFAULT_LABEL,
    fallbackMessage: DEFAULT_FALLBACK_MESSAGE,
    businessHours: null
  };
}

/** Every `{workItem}` becomes the work item key. */
export function renderFallbackMessage(template: string, workItemKey: string): string {
  return template.split(WORK_ITEM_PLACEHOLDER).join(workItemKey);
}

export function timingOf(settings: SpaceSettings): Timing {
  return {
    timeToAssignMs: settings.timeToAssignMinutes * 60_000,
    offerTimeoutMs: settings.offerTimeoutSeconds * 1_000,
    timeToReplyMs: settings.timeToReplyMinutes * 60_000
  };
}
