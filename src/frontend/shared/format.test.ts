import { describeCountdown, formatClock, formatCountdown, plural, secondsLeft } from './format';

describe('time formatting', () => {
  const now = 1_700_000_000_000;

  it('counts down in minutes and seconds, never below zero', () => {
    expect(formatCountdown(now + 65_000, now)).toBe('1:05');
    expect(formatCountdown(now + 9_000, now)).toBe('0:09');
    expect(formatCountdown(now + 3_600_000, now)).toBe('1:00:00');
    expect(formatCountdown(now - 5_000, now)).toBe('0:00');
  });

  it('rounds part seconds up, so 0:00 means the offer has expired', () => {
    expect(secondsLeft(now + 100, now)).toBe(1);
    expect(secondsLeft(now, now)).toBe(0);
  });

  it('says the countdown in words for screen readers', () => {
    expect(describeCountdown(now + 65_000, now)).toBe('1 minute 5 seconds left');
    expect(describeCountdown(now + 120_000, now)).toBe('2 minutes left');
    expect(describeCountdown(now, now)).toBe('Expired');
  });

  it("shows message times in the reader's locale and zone, and survives an unknown zone", () => {
    const at = Date.UTC(2024, 0, 2, 14, 5);
    expect(formatClock(at, 'en-GB', 'UTC')).toBe('14:05');
    expect(formatClock(at, 'en-GB', 'Not/AZone')).toMatch(/\d\d:\d\d/);
  });

  it('pluralises', () => {
    expect(plural(1, 'agent')).toBe('1 agent');
    expect(plural(3, 'agent')).toBe('3 agents');
  });
});
