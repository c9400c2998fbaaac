import type { BrowserContext, Page } from 'playwright-core';

/**
 * Records the browser notifications and sounds the app's pages make (R19-R21) in every frame of
 * a browser context, and lets a test click a notification, as a person would on their desktop.
 * Headless Chromium shows no notification, so each frame's `Notification` is replaced by a
 * recorder that keeps each one (title, body, tag) on its own window (`__sandboxNotifications`);
 * `notifications(page)` reads every frame's.
 *
 * The recorder follows Chromium's rules for permissions, measured in the sandbox's Chromium: a
 * top-level page asks with a prompt (`default` lets the prompt grant it); a cross-origin frame
 * (every Custom UI app: frame-origin.ts) never gets a prompt: it reads and is answered the top
 * page's permission when that is `granted`, and `denied` otherwise.
 */
export interface RecordedNotification {
  title: string;
  body?: string;
  tag?: string;
}

export async function recordNotifications(
  context: BrowserContext,
  permission: 'granted' | 'denied' | 'default' = 'granted'
): Promise<void> {
  await context.addInitScript((initial: string) => {
    type Entry = { title: string; body?: string; tag?: string; notification: EventTarget };
    const here = window as Window & { __sandboxNotifications?: Entry[]; __sandboxSounds?: number };
    let crossOrigin = false;
    try {
      void window.top?.location.href;
    } catch {
      crossOrigin = true;
    }
    let permissionNow = crossOrigin ? (initial === 'granted' ? 'granted' : 'denied') : initial;
    class RecordedNotification extends EventTarget {
      onclick: ((event: Event) => void) | null = null;
      onshow: ((event: Event) => void) | null = null;
      onclose: ((event: Event) => void) | null = null;
      constructor(
        readonly title: string,
        readonly options: { body?: string; tag?: string } = {}
      ) {
        super();
        this.addEventListener('click', (e) => this.onclick?.(e));
        this.addEventListener('close', (e) => this.onclose?.(e));
        // As a browser does: without permission nothing is shown (and nothing throws).
        if (permissionNow !== 'granted') return;
        (here.__sandboxNotifications ??= []).push({ title, body: options.body, tag: options.tag, notification: this });
        setTimeout(() => this.onshow?.(new Event('show')), 0);
      }
      get body() {
        return this.options.body;
      }
      get tag() {
        return this.options.tag;
      }
      close() {
        this.dispatchEvent(new Event('close'));
      }
      static get permission() {
        return permissionNow;
      }
      static async requestPermission() {
        if (permissionNow === 'default' && !crossOrigin) permissionNow = 'granted';
        return permissionNow;
      }
    }
    Object.defineProperty(window, 'Notification', { value: RecordedNotification, configurable: true, writable: true });
    // Sounds: every oscillator started (the inbox's chime is made with Web Audio).
    if (typeof OscillatorNode !== 'undefined') {
      const start = OscillatorNode.prototype.start;
      OscillatorNode.prototype.start = function (this: OscillatorNode, ...args: Parameters<OscillatorNode['start']>) {
        here.__sandboxSounds = (here.__sandboxSounds ?? 0) + 1;
        return start.apply(this, args);
      };
    }
  }, permission);
}

type Recorded = {
  __sandboxNotifications?: Array<{ title: string; body?: string; tag?: string; notification: EventTarget }>;
  __sandboxSounds?: number;
};

/** Every notification shown so far, in every frame of the page. */
export async function notifications(page: Page): Promise<RecordedNotification[]> {
  const all: RecordedNotification[] = [];
  for (const frame of page.frames()) {
    const list = await frame
      .evaluate(() => ((window as unknown as Recorded).__sandboxNotifications ?? []).map(({ title, body, tag }) => ({ title, body, tag })))
      .catch(() => []);
    all.push(...list);
  }
  return all;
}

/** How many sounds the page's frames started. */
export async function sounds(page: Page): Promise<number> {
  let total = 0;
  for (const frame of page.frames())
    total += await frame.evaluate(() => (window as unknown as Recorded).__sandboxSounds ?? 0).catch(() => 0);
  return total;
}

/** Clicks the notification at `index` of notifications(page) (R21: it should open that conversation). */
export async function clickNotification(page: Page, index: number): Promise<void> {
  let offset = 0;
  for (const frame of page.frames()) {
    const count = await frame.evaluate(() => ((window as unknown as Recorded).__sandboxNotifications ?? []).length).catch(() => 0);
    if (index < offset + count) {
      await frame.evaluate(
        (i) => (window as unknown as Recorded).__sandboxNotifications?.[i]?.notification.dispatchEvent(new Event('click')),
        index - offset
      );
      return;
    }
    offset += count;
  }
  throw new Error(`no notification ${index}: the page showed ${offset}`);
}
