import { DEFAULT_FALLBACK_MESSAGE, DEFAULT_SITE_SETTINGS, defaultSpaceSettings, renderFallbackMessage } from './settings';
import { applySpaceSettings, validateSiteSettings, type SpaceSettingsPatch } from './settings-validation';
import { refused, site, space, agent } from './testing/fixtures';

const current = defaultSpaceSettings({ existedBeforeInstall: false });
const save = (patch: SpaceSettingsPatch) => applySpaceSettings(current, patch, ['chat', 'support']);

describe('settings', () => {
  it('settings: defaults follow the settings table; live chat starts on only for spaces created after install', () => {
    expect(defaultSpaceSettings({ existedBeforeInstall: false })).toEqual({
      enabled: true,
      setUp: false,
      timeToAssignMinutes: 20,
      offerTimeoutSeconds: 120,
      timeToReplyMinutes: 10,
      teamId: null,
      showOnlyWhenAvailable: true,
      requestTypeId: null,
      defaultLabel: 'live-chat',
      fallbackMessage: DEFAULT_FALLBACK_MESSAGE,
      businessHours: null
    });
    expect(defaultSpaceSettings({ existedBeforeInstall: true }).enabled).toBe(false);
    expect(DEFAULT_SITE_SETTINGS).toEqual({ maxConversations: 3 });
  });

  it('settings: the fallback message has every {workItem} replaced by the work item key', () => {
    expect(renderFallbackMessage(DEFAULT_FALLBACK_MESSAGE, 'HELP-42')).toBe(
      'All our agents are busy right now. We have logged your request as HELP-42 and will follow up there.'
    );
    expect(renderFallbackMessage('{workItem} / {workItem}', 'X-1')).toBe('X-1 / X-1');
  });

  it.each<[SpaceSettingsPatch, string, string]>([
    [{ timeToAssignMinutes: 0 }, 'timeToAssignMinutes', 'Time to assign must be between 1 and 60 minutes'],
    [{ timeToAssignMinutes: 61 }, 'timeToAssignMinutes', 'Time to assign must be between 1 and 60 minutes'],
    [{ offerTimeoutSeconds: 29 }, 'offerTimeoutSeconds', 'Offer timeout must be between 30 seconds and 10 minutes'],
    [{ offerTimeoutSeconds: 601 }, 'offerTimeoutSeconds', 'Offer timeout must be between 30 seconds and 10 minutes'],
    [
      { offerTimeoutSeconds: 45.5 },
      'offerTimeoutSeconds',
      'Offer timeout must be a whole number of seconds between 30 seconds and 10 minutes'
    ],
    [{ timeToReplyMinutes: 0 }, 'timeToReplyMinutes', 'Time to reply must be between 1 and 60 minutes'],
    [{ timeToReplyMinutes: Number.NaN }, 'timeToReplyMinutes', 'Time to reply must be a whole number of minutes between 1 and 60 minutes'],
    [{ fallbackMessage: '' }, 'fallbackMessage', 'Fallback message must be between 1 and 1,000 characters'],
    [{ fallbackMessage: '   ' }, 'fallbackMessage', 'Fallback message must be between 1 and 1,000 characters'],
    [{ fallbackMessage: 'x'.repeat(1001) }, 'fallbackMessage', 'Fallback message must be between 1 and 1,000 characters'],
    [{ requestTypeId: 'gone' }, 'requestTypeId', 'Request type must be an existing request type of this space'],
    [{ teamId: '' }, 'teamId', 'Team must be one Atlassian team, or none']
  ])('settings: %j is refused with a message naming the field and its range', (patch, field, message) => {
    const saved = save(patch);
    expect(saved.ok).toBe(false);
    if (!saved.ok) expect(saved.error).toMatchObject({ code: 'invalid', fields: [{ field, message }] });
  });

  it('settings: the bounds of every range are accepted', () => {
    const low = save({ timeToAssignMinutes: 1, offerTimeoutSeconds: 30, timeToReplyMinutes: 1, fallbackMessage: 'x' });
    const high = save({ timeToAssignMinutes: 60, offerTimeoutSeconds: 600, timeToReplyMinutes: 60, fallbackMessage: 'x'.repeat(1000) });
    expect(low.ok && high.ok).toBe(true);
    expect(validateSiteSettings({ maxConversations: 1 }).ok && validateSiteSettings({ maxConversations: 20 }).ok).toBe(true);
  });

  it('settings: a valid save applies every field given and keeps the others', () => {
    const saved = save({ enabled: false, teamId: 'team-7', requestTypeId: 'support', showOnlyWhenAvailable: false });
    expect(saved).toEqual({
      ok: true,
      value: { ...current, enabled: false, teamId: 'team-7', requestTypeId: 'support', showOnlyWhenAvailable: false }
    });
  });

  it('settings: nothing is applied partially; every invalid field is reported', () => {
    const saved = save({ timeToAssignMinutes: 5, offerTimeoutSeconds: 5, fallbackMessage: '' });
    expect(saved.ok).toBe(false);
    if (!saved.ok) expect(saved.error.fields?.map((f) => f.field)).toEqual(['offerTimeoutSeconds', 'fallbackMessage']);
  });

  it('settings: setUp and the default label are never saved from a payload', () => {
    const sneaky = { fallbackMessage: 'Hi', setUp: true, defaultLabel: 'other' } as SpaceSettingsPatch;
    const saved = save(sneaky);
    expect(saved.ok && saved.value.setUp === false && saved.value.defaultLabel === 'live-chat').toBe(true);
  });

  it.each([0, 21, 2.5])('settings: a site maximum of %p is refused: "Maximum conversations must be …between 1 and 20"', (max) => {
    const validated = validateSiteSettings({ maxConversations: max });
    expect(validated.ok).toBe(false);
    if (!validated.ok) expect(validated.error.fields?.[0]?.message).toMatch(/^Maximum conversations must be .*between 1 and 20$/);
  });

  it('settings: an invalid maximum sent to the site changes nothing', () => {
    const given = site({ spaces: [space('HELP', ['ann'])], agents: [agent('ann')] });
    expect(refused(given, { type: 'setMaxConversations', maxConversations: 0 }).code).toBe('invalid');
  });
});

describe('business hours in the settings (H1)', () => {
  const week = {
    monday: [
      { start: '13:00', end: '17:00' },
      { start: '09:00', end: '12:00' }
    ],
    tuesday: [],
    wednesday: [],
    thursday: [],
    friday: [],
    saturday: [],
    sunday: []
  };
  const valid = { timeZone: 'Europe/Berlin', week, holidays: ['2026-12-25'], closedMessage: 'Closed. Back {opening}.' };

  it('H1: valid business hours are saved, intervals in order; null turns them off', () => {
    const saved = save({ businessHours: valid });
    expect(saved.ok && saved.value.businessHours?.week.monday).toEqual([
      { start: '09:00', end: '12:00' },
      { start: '13:00', end: '17:00' }
    ]);
    const off = save({ businessHours: null });
    expect(off.ok && off.value.businessHours).toBeNull();
  });

  it.each<[unknown, string]>([
    [{ ...valid, timeZone: 'Mars/Olympus' }, 'businessHours.timeZone'],
    [{ ...valid, timeZone: '+01:00' }, 'businessHours.timeZone'],
    [{ ...valid, week: { ...week, monday: [{ start: '17:00', end: '09:00' }] } }, 'businessHours.week.monday'],
    [{ ...valid, week: { ...week, tuesday: [{ start: '9:00', end: '12:00' }] } }, 'businessHours.week.tuesday'],
    [
      {
        ...valid,
        week: {
          ...week,
          monday: [
            { start: '09:00', end: '12:00' },
            { start: '11:00', end: '13:00' }
          ]
        }
      },
      'businessHours.week.monday'
    ],
    [{ ...valid, week: { ...week, monday: [] } }, 'businessHours.week'],
    [{ ...valid, week: { ...week, funday: [] } }, 'businessHours.week'],
    [{ ...valid, holidays: ['2026-02-30'] }, 'businessHours.holidays'],
    [{ ...valid, holidays: ['2026-12-25', '2026-12-25'] }, 'businessHours.holidays'],
    [{ ...valid, closedMessage: '  ' }, 'businessHours.closedMessage'],
    [{ ...valid, closedMessage: 'x'.repeat(501) }, 'businessHours.closedMessage'],
    ['always', 'businessHours']
  ])('H1: %j is refused as invalid, naming %s, and nothing is applied', (businessHours, field) => {
    const result = save({ businessHours, fallbackMessage: 'changed' } as SpaceSettingsPatch);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.code).toBe('invalid');
      expect(result.error.fields?.map((f) => f.field)).toEqual([field]);
    }
  });
});
