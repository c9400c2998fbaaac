import { defaultSpaceSettings } from '../../domain';
import type { SpaceSettings } from '../shared/operations';
import {
  charactersLeft,
  escalationLineFor,
  exampleWorkItemKey,
  fallbackPreview,
  formFromSettings,
  liveChatState,
  patchFromForm,
  teamWarning
} from './settings-form';

/** As space.settings.get answers for a new space: the settings table's defaults and what the page shows beside them. */
const settings: SpaceSettings = {
  ...defaultSpaceSettings({ existedBeforeInstall: false }),
  deactivated: false,
  requestTypes: [],
  teamName: null,
  teamSize: null,
  teamWarning: null,
  licenseActive: true,
  notice: null
};

describe('space settings form', () => {
  it('shows the settings as editable text', () => {
    expect(formFromSettings(settings)).toEqual({
      timeToAssignMinutes: '20',
      offerTimeoutSeconds: '120',
      timeToReplyMinutes: '10',
      teamId: '',
      showOnlyWhenAvailable: true,
      requestTypeId: '',
      fallbackMessage: settings.fallbackMessage
    });
  });

  it('saves every field; ranges are left to the backend, which refuses all or saves all', () => {
    const form = { ...formFromSettings(settings), timeToAssignMinutes: ' 90 ', teamId: ' team-1 ', requestTypeId: '12' };
    expect(patchFromForm(form)).toEqual({
      ok: true,
      patch: {
        timeToAssignMinutes: 90,
        offerTimeoutSeconds: 120,
        timeToReplyMinutes: 10,
        teamId: 'team-1',
        showOnlyWhenAvailable: true,
        requestTypeId: '12',
        fallbackMessage: settings.fallbackMessage
      }
    });
  });

  it('an empty team means none; an empty request type is left unchanged', () => {
    const check = patchFromForm(formFromSettings(settings));
    expect(check.ok && check.patch.teamId).toBeNull();
    expect(check.ok && 'requestTypeId' in check.patch).toBe(false);
  });

  it('text that is not a number is marked on its field and nothing is sent', () => {
    const check = patchFromForm({ ...formFromSettings(settings), offerTimeoutSeconds: '', timeToReplyMinutes: 'soon' });
    expect(check).toEqual({
      ok: false,
      fields: {
        offerTimeoutSeconds: 'Enter Offer timeout as a number of seconds',
        timeToReplyMinutes: 'Enter Time to reply as a number of minutes'
      }
    });
  });

  it('previews the fallback message with an example key of the space', () => {
    expect(fallbackPreview(settings.fallbackMessage, exampleWorkItemKey('SUP'))).toBe(
      'All our agents are busy right now. We have logged your request as SUP-123 and will follow up there.'
    );
    expect(fallbackPreview('{workItem} and {workItem}', 'HR-1')).toBe('HR-1 and HR-1');
    expect(charactersLeft('abc')).toBe(997);
  });

  it('R4: warns only for a team of more than 100 members', () => {
    expect(teamWarning(100)).toBeNull();
    expect(teamWarning(null)).toBeNull();
    expect(teamWarning(101)).toContain('101 members');
  });

  it('R26: the escalation line names the project key', () => {
    expect(escalationLineFor('SUP')).toBe(
      'Escalate by starting a live chat (Project key: SUP) only when the user explicitly asks for a person, or self-service is exhausted and the user is still unsatisfied.'
    );
  });

  it('live chat works only when on and set up', () => {
    expect(liveChatState({ enabled: true, setUp: true, deactivated: false }).label).toBe('On');
    expect(liveChatState({ enabled: true, setUp: false, deactivated: false }).label).toBe('Not set up');
    expect(liveChatState({ enabled: false, setUp: true, deactivated: false }).label).toBe('Off');
    expect(liveChatState({ enabled: true, setUp: false, deactivated: true }).label).toBe('Deactivated');
  });
});
