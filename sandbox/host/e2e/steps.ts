import type { Locator, Page } from 'playwright-core';
import type { HostHarness } from '../testing/browser-harness';

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
