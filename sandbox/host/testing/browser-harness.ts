import './symbol-dispose';
import fs from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type FrameLocator, type Locator, type Page } from 'playwright-core';
import { startServer, type RunningServer, type ServerOptions } from '../../server/server';
import { browserRequired, findChromium, HOW_TO_GET_ONE } from './find-chromium';
import { recordNotifications } from './notifications';

/**
 * The browser-test harness the page host's tests and the end-to-end tests share: a sandbox
 * server on a free port (in memory, virtual time moved only by the test), Debian's Chromium
 * through playwright-core, pages opened as a given user (each user in their own browser
 * context, as two people on two machines), and screenshots written to docs/screenshots/.
 */
const chromiumSearch = findChromium();

/**
 * `describe` for a suite that needs a browser. With no Chromium on the machine the suite is
 * skipped (its hooks do not run either) and browser-skip-reporter.js names it at the end of the
 * run; with CI=true it runs and fails in startHostHarness, so CI never skips browser tests.
 */
export const describeInBrowser: jest.Describe = chromiumSearch.path || browserRequired() ? describe : describe.skip;

/** The flags CI runs Chromium with; playwright adds --headless and a fresh --user-data-dir of its own. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-quic',
  '--no-first-run',
  '--disable-component-update',
  '--disable-sync'
];

/**
 * Where screenshots go: the README's images (docs/screenshots/) when UPDATE_SCREENSHOTS=1, else
 * test-results/screenshots/ (git-ignored). Every run takes them, so the path cannot rot, but only
 * a deliberate run changes the committed images (a chat's ids and the usage meter differ per run).
 */
const ROOT = path.resolve(__dirname, '..', '..', '..');
export const SCREENSHOT_DIR = process.env.UPDATE_SCREENSHOTS
  ? path.join(ROOT, 'docs', 'screenshots')
  : path.join(ROOT, 'test-results', 'screenshots');

export type Surface =
  | { kind: 'start' }
  | { kind: 'portal'; projectKey: string }
  | { kind: 'inbox' }
  | { kind: 'space-settings'; projectKey: string }
  | { kind: 'admin' }
  | { kind: 'work-items'; projectKey?: string }
  | { kind: 'work-item'; issueKey: string }
  | { kind: 'usage' };

export const VIEWPORTS = { desktop: { width: 1280, height: 900 }, phone: { width: 390, height: 844 } } as const;

export interface OpenOptions {
  /** The account to view the page as; null = anonymous (portal). */
  as: string | null;
  viewport?: keyof typeof VIEWPORTS;
  /**
   * Record the page's browser notifications (see notifications.ts) with this permission;
   * `default` lets the page's permission prompt grant it. Read them with notifications(page).
   */
  notifications?: 'granted' | 'denied' | 'default';
}

/** Where a surface is served, viewed as `as`. */
export function surfacePath(surface: Surface, as: string | null): string {
  const q = `as=${encodeURIComponent(as ?? 'anonymous')}`;
  switch (surface.kind) {
    case 'start':
      return '/';
    case 'portal':
      return `/pages/portal/${surface.projectKey}?${q}`;
    case 'inbox':
      return `/pages/inbox?${q}`;
    case 'space-settings':
      return `/pages/space-settings/${surface.projectKey}?${q}`;
    case 'admin':
      return `/pages/admin?${q}`;
    case 'work-items':
      return `/pages/work-items?${q}${surface.projectKey ? `&project=${surface.projectKey}` : ''}`;
    case 'work-item':
      return `/pages/work-items/${surface.issueKey}?${q}`;
    case 'usage':
      return '/pages/usage';
  }
}

export interface HostHarness {
  server: RunningServer;
  browser: Browser;
  url: string;
  /** Opens a surface as a user in a fresh browser context and waits until its app frames have loaded. */
  open(surface: Surface, options: OpenOptions): Promise<Page>;
  /**
   * PNG in SCREENSHOT_DIR/<name>.png, of the whole page or (`fullPage: false`) of what the
   * viewport shows; one image pixel per CSS pixel, so phone shots stay small. Returns the path.
   */
  screenshot(page: Page, name: string, options?: { fullPage?: boolean }): Promise<string>;
  /** Every context opened so far is closed, then the browser and the server. */
  close(): Promise<void>;
}

export async function startHostHarness(serverOptions: Partial<ServerOptions> = {}): Promise<HostHarness> {
  if (chromiumSearch.path === undefined)
    throw new Error(`No Chromium for the browser tests (looked at ${chromiumSearch.looked.join(', ')}): ${HOW_TO_GET_ONE}.`);
  const executablePath = chromiumSearch.path;
  const server = await startServer({ port: 0, realTime: false, ...serverOptions });
  // A browser that fails to start must not leave the server listening: jest would never exit.
  const browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS, headless: true }).catch(async (error: unknown) => {
    await server.close();
    throw error;
  });
  const contexts: BrowserContext[] = [];
  return {
    server,
    browser,
    url: server.url,
    async open(surface, options) {
      const viewport = VIEWPORTS[options.viewport ?? 'desktop'];
      const context = await browser.newContext({
        viewport,
        ...(options.viewport === 'phone' ? { isMobile: true, hasTouch: true, deviceScaleFactor: 2 } : {})
      });
      contexts.push(context);
      if (options.notifications) await recordNotifications(context, options.notifications);
      if (options.notifications === 'granted') await context.grantPermissions(['notifications'], { origin: server.url });
      const page = await context.newPage();
      await page.goto(server.url + surfacePath(surface, options.as));
      await waitForApps(page);
      return page;
    },
    async screenshot(page, name, options = {}) {
      fs.mkdirSync(SCREENSHOT_DIR, { recursive: true });
      const file = path.join(SCREENSHOT_DIR, `${name}.png`);
      // Transitions finished and the caret hidden, so a screenshot does not depend on timing.
      await page.screenshot({ path: file, fullPage: options.fullPage ?? true, animations: 'disabled', caret: 'hide', scale: 'css' });
      return file;
    },
    async close() {
      for (const context of contexts) await context.close().catch(() => undefined);
      await browser.close();
      await server.close();
    }
  };
}

/** Resolves once every app extension on the page has loaded (its loading text is gone). */
export async function waitForApps(page: Page, timeoutMs = 15_000): Promise<void> {
  await page.waitForFunction(() => document.querySelectorAll('.app-extension .host-loading').length === 0, undefined, {
    timeout: timeoutMs
  });
}

/** A Custom UI app's frame on the page, by module key (e.g. live-chat-inbox). */
export function customUi(page: Page, moduleKey: string): FrameLocator {
  return page.frameLocator(`iframe.app-frame[data-module="${moduleKey}"]`);
}

/** The tree a UI Kit app rendered on the page, by module key (e.g. live-chat-space-settings). */
export function uiKit(page: Page, moduleKey: string): Locator {
  return page.locator(`.uikit-root[data-module="${moduleKey}"]`);
}

/** What Forge's Content Security Policy blocked in the page's app frames (reported by the bridge client). */
export async function cspViolations(page: Page): Promise<Array<{ moduleKey: string; directive: string; blocked: string }>> {
  return page.evaluate(() =>
    (
      (window as unknown as { __sandboxCspViolations?: Array<{ moduleKey: string; directive: string; blocked: string }> })
        .__sandboxCspViolations ?? []
    ).map(({ moduleKey, directive, blocked }) => ({ moduleKey, directive, blocked }))
  );
}

/** The flags (showFlag) shown on the page. */
export function flags(page: Page): Locator {
  return page.locator('#host-flags .flag');
}
