import { WIRE, isFnRef, type FnRef, type HostToFrame } from './wire';

/**
 * The host's end of one app frame: answers its bridge calls, calls back the functions it left
 * behind (realtime and event callbacks, UI Kit handlers), and keeps what the frame owns on the
 * page (subscriptions) so it can end them. Identity never comes from the frame: each server call
 * carries this frame's token, issued with the page.
 */
export interface FrameInfo {
  id: string;
  token: string;
  render: 'native' | 'custom';
  src: string;
  title: string;
  moduleKey: string;
  layout: 'page' | 'panel' | 'footer';
  /** Set on frames opened by Modal.open(): the frame that opened it and its onClose. */
  modal?: { opener: FrameConnection; onClose?: FnRef; close: () => void };
}

/**
 * The sandbox's time as the server last sent it (`x-sandbox-now` on bridge answers), moved on by
 * the wall clock since. Frames read it as their Date (bridge-client.ts): the backend lives in
 * virtual time, and an offer's deadline must count down from the same clock.
 */
let sandboxTime: { now: number; wall: number } | undefined;

export function sandboxNow(): number | undefined {
  return sandboxTime && Math.round(sandboxTime.now + (performance.now() - sandboxTime.wall));
}

export class FrameConnection {
  private nextCallbackId = 1;
  private readonly waiting = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();
  private readonly subscriptions = new Map<string, () => void>();
  private contextCache: Promise<unknown> | undefined;

  constructor(
    readonly info: FrameInfo,
    readonly window: () => Window | null
  ) {}

  /** POST /host/bridge/<call> for this frame. */
  async server<T>(call: string, body: Record<string, unknown> = {}): Promise<T> {
    const response = await fetch(`/host/bridge/${call}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ ...body, frame: this.info.token })
    });
    const now = Number(response.headers.get('x-sandbox-now'));
    if (now > 0) sandboxTime = { now, wall: performance.now() };
    const answer = (await response.json()) as T & { error?: { message?: string } };
    if (!response.ok) throw new Error(answer.error?.message ?? `bridge call ${call} failed with HTTP ${response.status}`);
    return answer;
  }

  context(): Promise<unknown> {
    this.contextCache ??= this.server('context');
    this.contextCache.catch(() => (this.contextCache = undefined));
    return this.contextCache;
  }

  post(message: HostToFrame): void {
    this.window()?.postMessage(message, '*');
  }

  /** Calls a function the frame left behind; resolves with what it returned. */
  call(fn: FnRef | unknown, ...args: unknown[]): Promise<unknown> {
    if (!isFnRef(fn)) return Promise.resolve(undefined);
    const id = this.nextCallbackId++;
    return new Promise((resolve, reject) => {
      this.waiting.set(id, { resolve, reject });
      this.post({ wire: WIRE, kind: 'callback', id, fn: fn.__fn, args });
    });
  }

  settleCallback(id: number, ok: boolean, value: unknown, error?: string): void {
    const waiter = this.waiting.get(id);
    this.waiting.delete(id);
    if (ok) waiter?.resolve(value);
    else waiter?.reject(new Error(error));
  }

  keepSubscription(end: () => void): { __subscription: string } {
    const id = `s${this.subscriptions.size + 1}-${Math.random().toString(36).slice(2, 8)}`;
    this.subscriptions.set(id, end);
    return { __subscription: id };
  }

  endSubscription(id: unknown): void {
    if (typeof id !== 'string') return;
    this.subscriptions.get(id)?.();
    this.subscriptions.delete(id);
  }

  dispose(): void {
    for (const end of this.subscriptions.values()) end();
    this.subscriptions.clear();
  }
}
