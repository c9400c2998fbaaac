import type { FrameLocator, Locator, Page } from 'playwright-core';
import { customUi, startHostHarness, type HostHarness } from '../testing/browser-harness';

/**
 * What the end-to-end tests share: a resolver operation run through the scripting API's path
 * (to check what a page saved, or to play a second person), and waiting on a condition.
 * Nothing here sleeps: every wait is for something the pages or the backend do.
 */
export function invoke(
  h: HostHarness,
  operation: string,
  payload: Record<string, unknown>,
  as: string | null,
  projectKey?: string
): Promise<Record<string, unknown>> {
  return h.server.holder.sandbox.invoke({ operation, payload, as, projectKey }) as Promise<Record<string, unknown>>;
}

/** Re-reads `read` until `done` holds (the pages' own polling or a push gets there); fails after `timeoutMs`. */
export async function eventually<T>(
  read: () => Promise<T>,
  done: (value: T) => boolean,
  timeoutMs = 15_000,
  what = 'the condition'
): Promise<T> {
  const deadline = performance.now() + timeoutMs;
  let last: T = await read();
  while (!done(last)) {
    if (performance.now() > deadline)
      throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}; last value: ${JSON.stringify(last)}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
    last = await read();
  }
  return last;
}

/** Closes a page and its browser context (each `open` has its own), so nothing keeps polling a finished test. */
export async function closePage(page: Page): Promise<void> {
  await page.context().close();
}

/**
 * Waits until `locator` matches exactly `n` elements. A bare `count()` reads the page once, so right
 * after a keystroke it can see the list before React has drawn it; this is the waiting form.
 */
export async function expectCount(locator: Locator, n: number, timeoutMs = 10_000): Promise<void> {
  await eventually(
    () => locator.count(),
    (count) => count === n,
    timeoutMs,
    `${n} of ${locator.toString()}`
  );
}

/** Types `text` into the text box named `label` and sends it with Enter, as a person would. */
export async function write(frame: FrameLocator, label: string, text: string): Promise<void> {
  const box = frame.getByRole('textbox', { name: label });
  await box.fill(text);
  await box.press('Enter');
}

/**
 * One e2e file's harness: started before its tests, closed after them, the demo site reset before
 * each. Answers the harness (call it inside a test or hook).
 */
export function hostHarnessOfFile(): () => HostHarness {
  let harness: HostHarness | undefined;
  beforeAll(async () => {
    harness = await startHostHarness();
  });
  afterAll(async () => {
    await harness?.close();
  });
  beforeEach(async () => {
    await harness?.server.holder.reset('demo');
  });
  return () => {
    if (!harness) throw new Error('The host harness has not started.');
    return harness;
  };
}

/**
 * A portal customer of SUP opens the widget, asks the AI about their VPN and waits for its answer,
 * then asks for a person (R23). Answers their page, the widget's frame and its transcript.
 */
export async function customerAsksForAPerson(h: HostHarness, as: string): Promise<{ portal: Page; widget: FrameLocator; log: Locator }> {
  const portal = await h.open({ kind: 'portal', projectKey: 'SUP' }, { as });
  const widget = customUi(portal, 'live-chat-widget');
  await widget.getByRole('button', { name: 'Chat with us' }).click();
  const log = widget.getByRole('log', { name: 'Chat messages' });
  await write(widget, 'Message to the AI assistant', 'My VPN keeps disconnecting');
  await log.getByText('VPN', { exact: false }).nth(1).waitFor();
  await widget.getByRole('button', { name: 'Talk to a person' }).click();
  return { portal, widget, log };
}
