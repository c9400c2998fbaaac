import type { FrameLocator, Locator, Page } from 'playwright-core';
import { customUi, startHostHarness, type HostHarness } from '../testing/browser-harness';
import { eventually, invoke } from './steps';

/**
 * The setup the end-to-end files share: one harness a file, an agent made Available (in the
 * inbox or by script), the widget opened, a line written, an offer accepted. Every step ends by
 * waiting for what the page shows once it is done, so the next step never reads a page midway.
 */

/**
 * The file's harness, started before its first test and closed after its last; with
 * `freshDemo` (the default) every test starts from a fresh demo site (every agent Offline, SUP
 * set up with the Support team). Call it at the top of the file; use the answer inside tests
 * and hooks (it stands for the harness that beforeAll started).
 */
export function useHostHarness({ freshDemo = true }: { freshDemo?: boolean } = {}): HostHarness {
  let started: HostHarness | undefined;
  const current = (): HostHarness => {
    if (!started) throw new Error('The host harness starts in beforeAll: use it inside a test or a hook.');
    return started;
  };
  beforeAll(async () => {
    started = await startHostHarness();
  });
  afterAll(async () => {
    await started?.close();
  });
  if (freshDemo)
    beforeEach(async () => {
      await current().server.holder.reset('demo');
    });
  return new Proxy({} as HostHarness, {
    get(_target, key) {
      const value: unknown = Reflect.get(current(), key);
      return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(current()) : value;
    }
  });
}

/** The agent's inbox page; `notifications`: whether the agent allowed them for the Jira site itself. */
export async function openInbox(
  h: HostHarness,
  as: string,
  notifications: 'granted' | 'default' = 'default'
): Promise<{ page: Page; inbox: FrameLocator }> {
  const page = await h.open({ kind: 'inbox' }, { as, notifications });
  return { page, inbox: customUi(page, 'live-chat-inbox') };
}

/** The agent picks Available in the inbox; done when the backend has it and the page says offers come. */
export async function goAvailable(h: HostHarness, as: string, inbox: FrameLocator): Promise<void> {
  await inbox.getByLabel('Availability').selectOption({ label: 'Available' });
  await eventually(
    () => invoke(h, 'agent.me', {}, as),
    (me) => me.status === 'available',
    10_000,
    `${as} to be Available`
  );
  await inbox.getByText('You receive chat offers.', { exact: false }).waitFor();
}

/** The agent's inbox, open and Available. */
export async function availableInbox(h: HostHarness, as: string): Promise<{ page: Page; inbox: FrameLocator }> {
  const opened = await openInbox(h, as);
  await goAvailable(h, as, opened.inbox);
  return opened;
}

/** The agent Available with no page open (a second person the test plays by script): a heartbeat, then the status. */
export async function availableByScript(h: HostHarness, agent: string): Promise<void> {
  await invoke(h, 'agent.heartbeat', {}, agent);
  await invoke(h, 'agent.setStatus', { status: 'available' }, agent);
}

/** The portal's widget, opened by its launcher; done when the chat's log shows. */
export async function openWidget(page: Page): Promise<FrameLocator> {
  const widget = customUi(page, 'live-chat-widget');
  await widget.getByRole('button', { name: 'Chat with us' }).click();
  await widget.getByRole('log', { name: 'Chat messages' }).waitFor();
  return widget;
}

/** Types `text` into the message box named `label` and sends it with Enter. */
export async function write(frame: FrameLocator, label: string, text: string): Promise<void> {
  const box = frame.getByRole('textbox', { name: label });
  await box.fill(text);
  await box.press('Enter');
}

/**
 * A portal customer of SUP opens the widget, asks the AI about their VPN and waits for its answer,
 * then asks for a person (R23). Answers their page, the widget's frame and its transcript.
 */
export async function customerAsksForAPerson(h: HostHarness, as: string): Promise<{ portal: Page; widget: FrameLocator; log: Locator }> {
  const portal = await h.open({ kind: 'portal', projectKey: 'SUP' }, { as });
  const widget = await openWidget(portal);
  const log = widget.getByRole('log', { name: 'Chat messages' });
  await write(widget, 'Message to the AI assistant', 'My VPN keeps disconnecting');
  await log.getByText('VPN', { exact: false }).nth(1).waitFor();
  await widget.getByRole('button', { name: 'Talk to a person' }).click();
  return { portal, widget, log };
}

/** The widget's status line (queue place, whom the customer chats with). */
export function widgetStatus(widget: FrameLocator): Locator {
  return widget.locator('.panel-header [role="status"]');
}

/** The agent accepts the one offer in the inbox; done when the chat's message box to `customerName` shows. */
export async function acceptOffer(inbox: FrameLocator, customerName = 'Dana Whitfield'): Promise<void> {
  await inbox.getByRole('article').getByRole('button', { name: 'Accept' }).click();
  await inbox.getByRole('textbox', { name: `Message to ${customerName}` }).waitFor();
}

/** The key of the work item the inbox's open chat links to (its "Open SUP-n" button). */
export async function openChatWorkItemKey(inbox: FrameLocator): Promise<string> {
  return ((await inbox.getByRole('button', { name: /^Open SUP-\d+$/ }).textContent()) ?? '').replace('Open ', '').trim();
}

/** What a phone shows of the portal with the widget open: its end, where the chat is. */
export async function phoneShot(h: HostHarness, page: Page, name: string): Promise<void> {
  await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
  await h.screenshot(page, name, { fullPage: false });
}

/**
 * Waits until `read` (a field's value, an attribute, a text) gives `want`, or satisfies it when
 * `want` is a test: read once right after a keystroke or click, the page may not have drawn the
 * change yet (as `expectCount` for counts).
 */
export async function expectShown<T>(read: () => Promise<T>, want: T | ((value: T) => boolean), what: string): Promise<void> {
  const done = typeof want === 'function' ? (want as (value: T) => boolean) : (value: T) => value === want;
  await eventually(read, done, 10_000, what);
}
