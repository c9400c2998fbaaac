import { chatUnavailableReason, isChatVisible } from './portal-visibility';
import { agent, MINUTE, space, T0 } from './testing/fixtures';

const available = [agent('ann')];
const nobody = [agent('ann', { status: 'on_break' }), agent('bob', { lastHeartbeatAt: T0 - 2 * MINUTE })];

describe('portal visibility', () => {
  it('R22: the chat shows when live chat is on and set up and an agent is Available with a fresh heartbeat', () => {
    expect(isChatVisible(space('HELP', ['ann']), available, true, T0)).toBe(true);
    expect(isChatVisible(space('HELP', ['ann', 'bob']), nobody, true, T0)).toBe(false);
  });

  it('R22: the chat is hidden when live chat is off or not set up', () => {
    expect(isChatVisible(space('HELP', ['ann'], { enabled: false }), available, true, T0)).toBe(false);
    expect(isChatVisible(space('HELP', ['ann'], { setUp: false }), available, true, T0)).toBe(false);
  });

  it('R22: with "Show chat only when an agent is available" off the chat shows with nobody available', () => {
    expect(isChatVisible(space('HELP', ['ann', 'bob'], { showOnlyWhenAvailable: false }), nobody, true, T0)).toBe(true);
  });

  it('R22: an agent of another space does not make the chat visible', () => {
    expect(isChatVisible(space('HELP', ['bob']), available, true, T0)).toBe(false);
  });

  it('R4: in a team of more than 100 members the visibility toggle counts as off', () => {
    expect(isChatVisible(space('HELP', ['ann', 'bob'], { teamId: 'big' }, 101), nobody, true, T0)).toBe(true);
    expect(isChatVisible(space('HELP', ['ann', 'bob'], { teamId: 'ok' }, 100), nobody, true, T0)).toBe(false);
  });

  it('R31: with an inactive license no chat shows or starts; with no license it counts as active', () => {
    expect(isChatVisible(space('HELP', ['ann']), available, false, T0)).toBe(false);
    expect(chatUnavailableReason(space('HELP', ['ann']), false)).toBe('licenseInactive');
    expect(isChatVisible(space('HELP', ['ann']), available, undefined, T0)).toBe(true);
    expect(chatUnavailableReason(space('HELP', ['ann'], { setUp: false }), undefined)).toBe('notSetUp');
  });
});
