import { businessHoursErrors, normalBusinessHours } from './business-hours-validation';
import { fail, ok, type FieldError, type Result } from './result';
import type { SiteSettings, SpaceSettings } from './settings';

/** What a space admin may save: every setting but setUp and defaultLabel (read-only). */
export type SpaceSettingsPatch = Partial<Omit<SpaceSettings, 'setUp' | 'defaultLabel'>>;

interface WholeNumberRule {
  readonly label: string;
  readonly unit: string;
  readonly min: number;
  readonly max: number;
  /** The allowed range as the admin reads it. */
  readonly range: string;
}

/** The settings table's ranges. */
export const SETTING_RANGES = {
  timeToAssignMinutes: { label: 'Time to assign', unit: 'minutes', min: 1, max: 60, range: '1 and 60 minutes' },
  offerTimeoutSeconds: { label: 'Offer timeout', unit: 'seconds', min: 30, max: 600, range: '30 seconds and 10 minutes' },
  timeToReplyMinutes: { label: 'Time to reply', unit: 'minutes', min: 1, max: 60, range: '1 and 60 minutes' },
  maxConversations: { label: 'Maximum conversations', unit: 'conversations', min: 1, max: 20, range: '1 and 20' }
} as const satisfies Record<string, WholeNumberRule>;

export const FALLBACK_MESSAGE_MAX_CHARS = 1_000;

function wholeNumber(field: keyof typeof SETTING_RANGES, value: unknown): FieldError[] {
  const rule: WholeNumberRule = SETTING_RANGES[field];
  if (typeof value !== 'number' || !Number.isInteger(value)) {
    return [{ field, message: `${rule.label} must be a whole number of ${rule.unit} between ${rule.range}` }];
  }
  return value < rule.min || value > rule.max ? [{ field, message: `${rule.label} must be between ${rule.range}` }] : [];
}

function flag(field: string, label: string, value: unknown): FieldError[] {
  return typeof value === 'boolean' ? [] : [{ field, message: `${label} must be on or off` }];
}

function fallbackMessage(value: unknown): FieldError[] {
  // Whitespace only counts as empty: the customer would see nothing.
  const fits = typeof value === 'string' && value.trim().length > 0 && [...value].length <= FALLBACK_MESSAGE_MAX_CHARS;
  return fits ? [] : [{ field: 'fallbackMessage', message: 'Fallback message must be between 1 and 1,000 characters' }];
}

/**
 * Validates every field the patch sets and applies all of them, or none: the
 * error lists every invalid field with a message naming it and its range.
 * `requestTypeIds`: the space's existing request types (a new request type must be one).
 */
export function applySpaceSettings(
  current: SpaceSettings,
  patch: SpaceSettingsPatch,
  requestTypeIds: readonly string[]
): Result<SpaceSettings> {
  const errors: FieldError[] = [];
  if (patch.enabled !== undefined) errors.push(...flag('enabled', 'Live chat', patch.enabled));
  if (patch.showOnlyWhenAvailable !== undefined) {
    errors.push(...flag('showOnlyWhenAvailable', 'Show chat only when an agent is available', patch.showOnlyWhenAvailable));
  }
  if (patch.timeToAssignMinutes !== undefined) errors.push(...wholeNumber('timeToAssignMinutes', patch.timeToAssignMinutes));
  if (patch.offerTimeoutSeconds !== undefined) errors.push(...wholeNumber('offerTimeoutSeconds', patch.offerTimeoutSeconds));
  if (patch.timeToReplyMinutes !== undefined) errors.push(...wholeNumber('timeToReplyMinutes', patch.timeToReplyMinutes));
  if (patch.fallbackMessage !== undefined) errors.push(...fallbackMessage(patch.fallbackMessage));
  if (patch.teamId !== undefined && patch.teamId !== null && (typeof patch.teamId !== 'string' || patch.teamId === '')) {
    errors.push({ field: 'teamId', message: 'Team must be one Atlassian team, or none' });
  }
  if (patch.requestTypeId !== undefined && !requestTypeIds.includes(patch.requestTypeId ?? '')) {
    errors.push({ field: 'requestTypeId', message: 'Request type must be an existing request type of this space' });
  }
  if (patch.businessHours !== undefined) errors.push(...businessHoursErrors(patch.businessHours));
  if (errors.length > 0) return invalid(errors);
  const applied = { ...current, ...patchable(patch) };
  return ok(patch.businessHours ? { ...applied, businessHours: normalBusinessHours(patch.businessHours) } : applied);
}

/** The site maximum (R5): a whole number between 1 and 20. */
export function validateSiteSettings(input: SiteSettings): Result<SiteSettings> {
  const errors = wholeNumber('maxConversations', input.maxConversations);
  return errors.length > 0 ? invalid(errors) : ok({ maxConversations: input.maxConversations });
}

function invalid(errors: readonly FieldError[]): Result<never> {
  return fail('invalid', errors.map((error) => error.message).join('. '), errors);
}

const PATCHABLE = [
  'enabled',
  'timeToAssignMinutes',
  'offerTimeoutSeconds',
  'timeToReplyMinutes',
  'teamId',
  'showOnlyWhenAvailable',
  'requestTypeId',
  'fallbackMessage',
  'businessHours'
] as const satisfies readonly (keyof SpaceSettingsPatch)[];

/** The set fields a space admin may save; anything else in the payload (setUp, defaultLabel) is never applied. */
function patchable(patch: SpaceSettingsPatch): SpaceSettingsPatch {
  return Object.fromEntries(PATCHABLE.filter((key) => patch[key] !== undefined).map((key) => [key, patch[key]]));
}
