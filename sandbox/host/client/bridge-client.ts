import { encode, isWire, WIRE, type FrameToHost, type HostToFrame } from './wire';

/**
 * `globalThis.__bridge` inside an app frame, loaded before the app's own scripts (the host
 * injects it into every Custom UI index.html and into the UI Kit runtime frame). @forge/bridge
 * and @forge/react call `__bridge.callBridge(name, payload)`; every call goes to the parent
 * window, which plays the Atlassian product. Nothing here knows or says who the user is.
 */
type Fn = (...args: unknown[]) => unknown;

const script = document.currentScript as HTMLScriptElement | null;
const kind = script?.dataset.kind ?? 'custom-ui';
const pending = new Map<number, { resolve: (value: unknown) => void; reject: (error: Error) => void }>();
const functions = new Map<string, { fn: Fn; generation: number }>();
let nextCallId = 1;
let nextFnId = 1;
let generation = 0;

/** UI Kit sends a new tree on every commit; handlers of trees two commits old can no longer be clicked. */
function keep(fn: Fn, tracked: boolean): string {
  const id = `f${nextFnId++}`;
  functions.set(id, { fn, generation: tracked ? generation : -1 });
  return id;
}

function dropOldHandlers(): void {
  generation += 1;
  for (const [id, entry] of functions) if (entry.generation >= 0 && entry.generation < generation - 2) functions.delete(id);
}

/**
 * The frame's Date reads the sandbox's clock, as the server's does (runtime/virtual-date.ts):
 * each answer from the host carries the sandbox's time, so a deadline the backend set (an
 * offer's expiresAt) counts down in the page from the same clock, also after a test moves
 * virtual time or when npm start's clock is not today's.
 */
const RealDate = Date;
let offset = 0;
globalThis.Date = new Proxy(RealDate, {
  construct: (target, args: unknown[], newTarget) =>
    Reflect.construct(target, args.length === 0 ? [RealDate.now() + offset] : args, newTarget) as object,
  apply: () => new RealDate(RealDate.now() + offset).toString(),
  get: (target, key, receiver) => (key === 'now' ? () => RealDate.now() + offset : Reflect.get(target, key, receiver))
});

function post(message: FrameToHost): void {
  window.parent.postMessage(message, '*');
}

// What Forge's enforced CSP blocks in this frame (an inline <style>, an inline script) is told to
// the host page, which shows it: on Forge it is only a console line, and a page without its styles.
document.addEventListener('securitypolicyviolation', (event) => {
  post({ wire: WIRE, kind: 'csp-violation', directive: event.effectiveDirective, blocked: event.blockedURI, sample: event.sample });
});

function send(name: string, payload: unknown): Promise<unknown> {
  const id = nextCallId++;
  const tracked = name === 'reconcile';
  if (tracked) dropOldHandlers();
  const encoded = encode(payload, (fn) => keep(fn, tracked));
  return new Promise((resolve, reject) => {
    pending.set(id, { resolve, reject });
    post({ wire: WIRE, kind: 'call', id, name, payload: encoded });
  });
}

/** A subscription (realtime, events) lives in the host; the frame gets an object to end it. */
function revive(value: unknown): unknown {
  if (typeof value === 'object' && value !== null && typeof (value as { __subscription?: unknown }).__subscription === 'string') {
    const subscription = (value as { __subscription: string }).__subscription;
    return { unsubscribe: () => send('__unsubscribe', { subscription }).then(() => undefined) };
  }
  return value;
}

function applyTheme(colorMode: string, theme: string): void {
  if (!document.querySelector('link[data-forge-tokens]')) {
    const link = document.createElement('link');
    link.rel = 'stylesheet';
    link.href = '/host/assets/tokens.css';
    link.dataset.forgeTokens = 'true';
    document.head.appendChild(link);
  }
  document.documentElement.setAttribute('data-color-mode', colorMode);
  document.documentElement.setAttribute('data-theme', theme);
}

/** view.createHistory(): an in-frame history, as Forge keeps one per extension. */
function createHistory(): unknown {
  const listeners = new Set<Fn>();
  const entries = [{ pathname: '/', search: '', hash: '', state: undefined as unknown, key: 'default' }];
  let index = 0;
  const notify = (action: string) => listeners.forEach((l) => l(history.location, action));
  const at = (to: string | { pathname?: string; search?: string; hash?: string }, state: unknown) => {
    const url = typeof to === 'string' ? new URL(to, 'http://frame.invalid' + history.location.pathname) : null;
    return url
      ? { pathname: url.pathname, search: url.search, hash: url.hash, state, key: String(Math.random()).slice(2, 8) }
      : { pathname: '/', search: '', hash: '', ...(to as object), state, key: String(Math.random()).slice(2, 8) };
  };
  const history = {
    get location() {
      return entries[index];
    },
    set location(_ignored) {
      // @forge/bridge assigns history.location on every change; the getter already answers it.
    },
    get action() {
      return 'POP';
    },
    push(to: string, state?: unknown) {
      entries.splice(index + 1, entries.length, at(to, state));
      index += 1;
      notify('PUSH');
    },
    replace(to: string, state?: unknown) {
      entries[index] = at(to, state);
      notify('REPLACE');
    },
    go(delta: number) {
      index = Math.max(0, Math.min(entries.length - 1, index + delta));
      notify('POP');
    },
    back() {
      history.go(-1);
    },
    forward() {
      history.go(1);
    },
    listen(listener: Fn) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    }
  };
  return history;
}

async function callBridge(name: string, payload?: unknown): Promise<unknown> {
  if (name === 'createHistory') return createHistory();
  const value = await send(name, payload);
  if (name === 'enableTheming' && typeof value === 'object' && value !== null) {
    const { colorMode, theme } = value as { colorMode: string; theme: string };
    applyTheme(colorMode, theme);
    return undefined;
  }
  return revive(value);
}

window.addEventListener('message', (event: MessageEvent) => {
  if (event.source !== window.parent || !isWire(event.data)) return;
  const message = event.data as HostToFrame;
  if (message.kind === 'result') {
    if (typeof message.now === 'number') offset = message.now - RealDate.now();
    const waiter = pending.get(message.id);
    pending.delete(message.id);
    if (message.ok) waiter?.resolve(message.value);
    else waiter?.reject(new Error(message.error ?? 'bridge call failed'));
  } else if (message.kind === 'callback') {
    const entry = functions.get(message.fn);
    const answer = (ok: boolean, value?: unknown, error?: string) =>
      post({ wire: WIRE, kind: 'callback-result', id: message.id, ok, value: encode(value, (fn) => keep(fn, false)), error });
    if (!entry) {
      answer(false, undefined, 'This handler belongs to a view that is no longer shown.');
      return;
    }
    Promise.resolve()
      .then(() => entry.fn(...message.args))
      .then(
        (value) => answer(true, value),
        (error: unknown) => answer(false, undefined, error instanceof Error ? error.message : String(error))
      );
  } else if (message.kind === 'theme') {
    applyTheme(message.colorMode, message.theme);
  }
});

(globalThis as unknown as { __bridge: unknown }).__bridge = { callBridge };

// Forge sizes Custom UI frames to their content (iframe-resizer's bodyOffset); a UI Kit runtime frame is never shown.
if (kind === 'custom-ui') {
  let last = -1;
  const report = () => {
    const body = document.body;
    if (!body) return;
    const style = getComputedStyle(body);
    const height = Math.ceil(body.offsetHeight + parseFloat(style.marginTop) + parseFloat(style.marginBottom));
    if (height !== last) {
      last = height;
      post({ wire: WIRE, kind: 'size', height });
    }
  };
  const start = () => {
    new ResizeObserver(report).observe(document.body);
    report();
  };
  if (document.body) start();
  else document.addEventListener('DOMContentLoaded', start);
}
