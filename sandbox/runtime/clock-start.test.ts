import { SandboxClock, defaultClockStart, realNow } from './clock';
import { ForgeSeam } from './forge-seam';

describe('where virtual time starts', () => {
  it('starts at the real now, to the whole second, when nothing says otherwise', () => {
    const before = Math.floor(realNow() / 1000) * 1000;
    const start = new SandboxClock().now();
    expect(start % 1000).toBe(0);
    expect(start).toBeGreaterThanOrEqual(before);
    expect(start).toBeLessThanOrEqual(realNow());
  });

  it('starts where SANDBOX_CLOCK_START says, and refuses a value that is no date-time', () => {
    expect(defaultClockStart({ SANDBOX_CLOCK_START: '2031-02-03T04:05:06.000Z' })).toBe(Date.UTC(2031, 1, 3, 4, 5, 6));
    expect(() => defaultClockStart({ SANDBOX_CLOCK_START: 'next tuesday' })).toThrow('SANDBOX_CLOCK_START=next tuesday is not a date-time');
  });

  it('the seam makes Date read its clock while installed, nested seams included, and gives the real Date back', async () => {
    const outer = new ForgeSeam(new SandboxClock(Date.UTC(2020, 0, 1)));
    const innerClock = new SandboxClock(Date.UTC(2030, 0, 1));
    const inner = new ForgeSeam(innerClock);
    outer.install();
    expect(Date.now()).toBe(Date.UTC(2020, 0, 1));
    inner.install();
    await innerClock.advance(1500);
    expect(new Date().toISOString()).toBe('2030-01-01T00:00:01.500Z');
    expect(Date()).toBe(new Date(Date.UTC(2030, 0, 1, 0, 0, 1, 500)).toString());
    expect(new Date(0).getTime()).toBe(0);
    expect(new Date() instanceof Date).toBe(true);
    inner.uninstall();
    expect(Date.now()).toBe(Date.UTC(2020, 0, 1));
    outer.uninstall();
    expect(Math.abs(Date.now() - realNow())).toBeLessThan(1000);
  });
});
