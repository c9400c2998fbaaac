import type { BrowserContext, Page } from 'playwright-core';

/**
 * Records the browser notifications the app's pages show (R19-R21) in every frame of a browser
 * context, and lets a test click one, as a person would on their desktop. Headless Chromium
 * shows no notification, so the page's `Notification` is replaced by a recorder that keeps each
 * one (title, body, tag) on the top window, `window.__sandboxNotifications`.
 */
export interface RecordedNotification {
  title: string;
  body?: string;
  tag?: string;
}

export async function recordNotifications(context: BrowserContext, permission: 'granted' | 'denied' | 'default' = 'granted'): Promise<void> {
  await context.addInitScript((initial: string) => {
    type Entry = { title: string; body?: string; tag?: string; notification: EventTarget };
    const top = window.top as Window & { __sandboxNotifications?: Entry[]; __sandboxNotificationPermission?: string };
    let permissionNow = initial;
    class RecordedNotification extends EventTarget {
      onclick: ((event: Event) => void) | null = null;
      onshow: ((event: Event) => void) | null = null;
      onclose: ((event: Event) => void) | null = null;
      constructor(
        readonly title: string,
        readonly options: { body?: string; tag?: string } = {}
      ) {
        super();
        const list = (top.__sandboxNotifications ??= []);
        list.push({ title, body: options.body, tag: options.tag, notification: this });
        this.addEventListener('click', (e) => this.onclick?.(e));
        this.addEventListener('close', (e) => this.onclose?.(e));
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
        if (permissionNow === 'default') permissionNow = 'granted';
        return permissionNow;
      }
    }
    Object.defineProperty(window, 'Notification', { value: RecordedNotification, configurable: true, writable: true });
  }, permission);
}

export async function notifications(page: Page): Promise<RecordedNotification[]> {
  return page.evaluate(() => ((window as unknown as { __sandboxNotifications?: Array<{ title: string; body?: string; tag?: string }> }).__sandboxNotifications ?? []).map(({ title, body, tag }) => ({ title, body, tag })));
}

/** Clicks the notification at `index` (R21: it should open that conversation). */
export async function clickNotification(page: Page, index: number): Promise<void> {
  await page.evaluate((i) => {
    const list = (window as unknown as { __sandboxNotifications?: Array<{ notification: EventTarget }> }).__sandboxNotifications ?? [];
    list[i]?.notification.dispatchEvent(new Event('click'));
  }, index);
}
