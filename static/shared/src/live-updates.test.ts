import { listenForSignal, LiveUpdates, parsePush, serialized, withNextMessage, type RealtimeApi } from './live-updates';
import { PushRelay } from './push-relay';

/** Timers the test fires by hand: no real time passes. */
function fakeTimers() {
  const intervals = new Map<number, { callback: () => void; ms: number }>();
  let next = 1;
  return {
    timers: {
      setInterval: (callback: () => void, ms: number) => {
        intervals.set(next, { callback, ms });
        return next++;
      },
      clearInterval: (handle: unknown) => void intervals.delete(handle as number)
    },
    periods: () => [...intervals.values()].map((i) => i.ms),
    tick: () => intervals.forEach((i) => i.callback())
  };
}

function fakeRealtime(result: 'ok' | 'fail') {
  const listeners: ((payload: string | Record<string, unknown>, error?: Error) => unknown)[] = [];
  const unsubscribed: string[] = [];
  const tokens: Array<string | undefined> = [];
  const api: RealtimeApi = {
    subscribeGlobal: async (channel, callback, options) => {
      if (result === 'fail') throw new Error('no realtime');
      tokens.push(options?.token);
      listeners.push(callback);
      return { unsubscribe: () => unsubscribed.push(channel) };
    }
  };
  return {
    api,
    push: (payload: string | Record<string, unknown>, error?: Error) => listeners.forEach((l) => l(payload, error)),
    unsubscribed,
    tokens
  };
}

const flush = () => new Promise((resolve) => setImmediate(resolve));

describe('live updates', () => {
  it('polls fast without a channel', () => {
    const clock = fakeTimers();
    const refresh = jest.fn();
    const live = new LiveUpdates({ realtime: fakeRealtime('ok').api, timers: clock.timers, refresh, fastMs: 2500, slowMs: 30000 });
    live.start();
    expect(clock.periods()).toEqual([2500]);
    clock.tick();
    expect(refresh).toHaveBeenCalledTimes(1);
  });

  it('with a channel, every push reads again and polling slows to a safety net', async () => {
    const clock = fakeTimers();
    const realtime = fakeRealtime('ok');
    const refresh = jest.fn();
    const onPush = jest.fn();
    const live = new LiveUpdates({ realtime: realtime.api, timers: clock.timers, refresh, onPush, fastMs: 2500, slowMs: 30000 });
    live.start();
    live.useChannel({ channel: 'agent:ana', token: 't' });
    await flush();
    expect(clock.periods()).toEqual([30000]);
    realtime.push('{"type":"notify","reason":"newChat","conversationId":"c1"}');
    expect(onPush).toHaveBeenCalledWith({ type: 'notify', reason: 'newChat', conversationId: 'c1' });
    expect(refresh).toHaveBeenCalledTimes(1);
  });

  it('a push the page applies as it is reads nothing; one it cannot apply reads again', async () => {
    const clock = fakeTimers();
    const realtime = fakeRealtime('ok');
    const refresh = jest.fn();
    const onPush = jest.fn((push: Record<string, unknown>) => push.type === 'message');
    const live = new LiveUpdates({ realtime: realtime.api, timers: clock.timers, refresh, onPush, fastMs: 2500, slowMs: 30000 });
    live.start();
    live.useChannel({ channel: 'agent:ana', token: 't' });
    await flush();
    realtime.push('{"type":"message","seq":4}');
    expect(refresh).not.toHaveBeenCalled();
    realtime.push('{"type":"offer","conversationId":"c1"}');
    expect(refresh).toHaveBeenCalledTimes(1);
  });

  it('a part of the page hears the page’s pushes through a relay, without a subscription of its own, polling slowly only while the page listens', async () => {
    const realtime = fakeRealtime('ok');
    const relay = new PushRelay();
    const pageClock = fakeTimers();
    const page = new LiveUpdates({
      realtime: realtime.api,
      timers: pageClock.timers,
      refresh: jest.fn(),
      fastMs: 5000,
      slowMs: 300000,
      passTo: relay
    });
    const viewClock = fakeTimers();
    const viewRefresh = jest.fn();
    const viewPush = jest.fn((push: Record<string, unknown>) => push.type === 'message');
    const view = new LiveUpdates({
      realtime: realtime.api,
      timers: viewClock.timers,
      refresh: viewRefresh,
      onPush: viewPush,
      fastMs: 2500,
      slowMs: 300000
    });
    view.start();
    view.useRelay(relay);
    expect(viewClock.periods()).toEqual([2500]); // the page does not listen yet
    page.start();
    page.useChannel({ channel: 'agent:ana', token: 't' });
    await flush();
    expect(realtime.tokens).toHaveLength(1); // one subscription for both
    expect(viewClock.periods()).toEqual([300000]);
    realtime.push('{"type":"message","conversationId":"c1","seq":4}');
    expect(viewPush).toHaveBeenCalledWith({ type: 'message', conversationId: 'c1', seq: 4 });
    expect(viewRefresh).not.toHaveBeenCalled();
    realtime.push('{"type":"typing","conversationId":"c1"}');
    expect(viewRefresh).toHaveBeenCalledTimes(1);
    // The page's subscription ends (its token expired): the view polls fast again.
    realtime.push('', new Error('token expired'));
    expect(viewClock.periods()).toEqual([2500]);
    page.useChannel({ channel: 'agent:ana', token: 't2' });
    await flush();
    expect(viewClock.periods()).toEqual([300000]);
    // The view stops hearing the relay (its chat is no longer the agent's to read): it polls fast again.
    view.useRelay(undefined);
    expect(viewClock.periods()).toEqual([2500]);
    view.useRelay(relay);
    view.stop();
    realtime.push('{"type":"message","conversationId":"c1","seq":5}');
    expect(viewPush).toHaveBeenCalledTimes(2);
  });

  it('the next message is applied, a doubled one changes nothing, and one after a gap asks for a read', () => {
    const held = [{ seq: 1 }, { seq: 2 }];
    expect(withNextMessage(held, { seq: 3 })).toEqual([{ seq: 1 }, { seq: 2 }, { seq: 3 }]);
    expect(withNextMessage(held, { seq: 2 })).toEqual(held);
    expect(withNextMessage(held, { seq: 5 })).toBeNull();
    expect(withNextMessage([], { seq: 1 })).toBeNull(); // nothing held yet: the page reads what came before
  });

  it('the safety net can be tightened while pushes flow', async () => {
    const clock = fakeTimers();
    const live = new LiveUpdates({
      realtime: fakeRealtime('ok').api,
      timers: clock.timers,
      refresh: jest.fn(),
      fastMs: 2500,
      slowMs: 30000
    });
    live.start();
    live.setSlowPoll(5000);
    expect(clock.periods()).toEqual([2500]);
    live.useChannel({ channel: 'c', token: 't' });
    await flush();
    expect(clock.periods()).toEqual([5000]);
    live.setSlowPoll(30000);
    expect(clock.periods()).toEqual([30000]);
  });

  it('falls back to fast polling when the channel fails', async () => {
    const clock = fakeTimers();
    const realtime = fakeRealtime('ok');
    const live = new LiveUpdates({ realtime: realtime.api, timers: clock.timers, refresh: jest.fn(), fastMs: 2500, slowMs: 30000 });
    live.start();
    live.useChannel({ channel: 'c', token: 't' });
    await flush();
    realtime.push('', new Error('lost'));
    expect(clock.periods()).toEqual([2500]);

    const failing = fakeTimers();
    const other = new LiveUpdates({
      realtime: fakeRealtime('fail').api,
      timers: failing.timers,
      refresh: jest.fn(),
      fastMs: 2500,
      slowMs: 30000
    });
    other.start();
    other.useChannel({ channel: 'c', token: 't' });
    await flush();
    expect(failing.periods()).toEqual([2500]);
  });

  it('subscribes once per channel, and stop ends polling and the subscription', async () => {
    const clock = fakeTimers();
    const realtime = fakeRealtime('ok');
    const subscribe = jest.spyOn(realtime.api, 'subscribeGlobal');
    const live = new LiveUpdates({ realtime: realtime.api, timers: clock.timers, refresh: jest.fn(), fastMs: 2500, slowMs: 30000 });
    live.start();
    live.useChannel({ channel: 'c', token: 't' });
    live.useChannel({ channel: 'c', token: 't' });
    await flush();
    expect(subscribe).toHaveBeenCalledTimes(1);
    live.stop();
    await flush();
    expect(clock.periods()).toEqual([]);
    expect(realtime.unsubscribed).toEqual(['c']);
  });

  it('global realtime channels: listens only with the token the read gave, moves to a fresh token, and listens again after the platform ended it', async () => {
    const clock = fakeTimers();
    const realtime = fakeRealtime('ok');
    const live = new LiveUpdates({ realtime: realtime.api, timers: clock.timers, refresh: jest.fn(), fastMs: 2500, slowMs: 30000 });
    live.start();
    live.useChannel({ channel: 'c' }); // no token (signing failed): polling only, no tokenless subscribe the platform would refuse
    await flush();
    expect(realtime.tokens).toEqual([]);
    expect(clock.periods()).toEqual([2500]);
    live.useChannel({ channel: 'c', token: 't1' });
    await flush();
    live.useChannel({ channel: 'c', token: 't2' }); // a later read, a renewed token
    await flush();
    expect(realtime.tokens).toEqual(['t1', 't2']);
    expect(realtime.unsubscribed).toEqual(['c']);
    realtime.push('', new Error('Realtime token validation failed: TOKEN_EXPIRED'));
    expect(clock.periods()).toEqual([2500]);
    live.useChannel({ channel: 'c', token: 't2' }); // the next read: the same channel is listened to again
    await flush();
    expect(realtime.tokens).toEqual(['t1', 't2', 't2']);
    expect(clock.periods()).toEqual([30000]);
  });

  it('reads push payloads as objects or JSON text; anything else is a bare signal', () => {
    expect(parsePush({ a: 1 })).toEqual({ a: 1 });
    expect(parsePush('{"a":1}')).toEqual({ a: 1 });
    expect(parsePush('ping')).toBeNull();
    expect(parsePush('[1]')).toBeNull();
  });

  it('serialized: calls during a run make one more run, never two at once', async () => {
    let running = 0;
    let maxRunning = 0;
    let runs = 0;
    let release: () => void = () => undefined;
    const task = serialized(async () => {
      running++;
      runs++;
      maxRunning = Math.max(maxRunning, running);
      await new Promise<void>((resolve) => (release = resolve));
      running--;
    });
    const first = task();
    void task();
    void task();
    release();
    await flush();
    release();
    await first;
    expect(runs).toBe(2);
    expect(maxRunning).toBe(1);
  });

  it('R11: a signal channel reads again on every push, and stops when told (also before it is subscribed)', async () => {
    const realtime = fakeRealtime('ok');
    const onSignal = jest.fn();
    const stop = listenForSignal(realtime.api, { channel: 'live-chat-queue-SUP', token: 'q' }, onSignal);
    await flush();
    realtime.push('{"type":"queue"}');
    expect(onSignal).toHaveBeenCalledTimes(1);
    stop();
    expect(realtime.unsubscribed).toEqual(['live-chat-queue-SUP']);
    const early = listenForSignal(realtime.api, { channel: 'live-chat-queue-HR', token: 'q' }, onSignal);
    early();
    await flush();
    expect(realtime.unsubscribed).toEqual(['live-chat-queue-SUP', 'live-chat-queue-HR']);
    expect(() => listenForSignal(fakeRealtime('fail').api, { channel: 'c', token: 'q' }, onSignal)()).not.toThrow();
    expect(realtime.tokens).toEqual(['q', 'q']);
    listenForSignal(realtime.api, { channel: 'live-chat-queue-IT' }, onSignal); // no token: nothing to listen with
    await flush();
    expect(realtime.tokens).toEqual(['q', 'q']);
  });
});
