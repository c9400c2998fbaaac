import { HEARTBEAT_MS, startHeartbeat, type HeartbeatHost } from './heartbeat';

function fakeHost() {
  const intervals = new Map<number, { callback: () => void; ms: number }>();
  const visible: (() => void)[] = [];
  let next = 1;
  const host: HeartbeatHost = {
    setInterval: (callback, ms) => {
      intervals.set(next, { callback, ms });
      return next++;
    },
    clearInterval: (handle) => void intervals.delete(handle as number),
    onVisible: (callback) => {
      visible.push(callback);
      return () => visible.splice(visible.indexOf(callback), 1);
    }
  };
  return { host, intervals, tick: () => intervals.forEach((i) => i.callback()), becomeVisible: () => visible.forEach((v) => v()), visible };
}

describe('heartbeats', () => {
  it('R2: one at once, then every 45 s, well inside the 2-minute window', () => {
    const fake = fakeHost();
    const send = jest.fn();
    startHeartbeat(send, fake.host);
    expect(send).toHaveBeenCalledTimes(1);
    expect([...fake.intervals.values()].map((i) => i.ms)).toEqual([HEARTBEAT_MS]);
    expect(HEARTBEAT_MS).toBeLessThan(120_000 / 2);
    fake.tick();
    expect(send).toHaveBeenCalledTimes(2);
  });

  it('R2: one more as soon as the page is visible again; none after the page closes', () => {
    const fake = fakeHost();
    const send = jest.fn();
    const stop = startHeartbeat(send, fake.host);
    fake.becomeVisible();
    expect(send).toHaveBeenCalledTimes(2);
    stop();
    expect(fake.intervals.size).toBe(0);
    expect(fake.visible).toHaveLength(0);
  });
});
