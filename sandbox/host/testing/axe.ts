import fs from 'node:fs';
import type { Frame, Page } from 'playwright-core';

/**
 * axe-core on a page and on each app frame in it (Custom UI iframes), WCAG 2.x A and AA rules.
 * Returns the serious and critical violations, each with the frame it was found in; the UI Kit
 * runtime frames are skipped (hidden, and their output is checked where it is drawn).
 */
export interface A11yViolation {
  frame: string;
  id: string;
  impact: string;
  help: string;
  targets: string[];
}

const AXE_SOURCE = () => fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

async function runAxe(frame: Frame): Promise<A11yViolation[]> {
  await frame.evaluate(AXE_SOURCE());
  const results = (await frame.evaluate(() =>
    (window as unknown as { axe: { run(ctx: unknown, opts: unknown): Promise<unknown> } }).axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] },
      iframes: false
    })
  )) as { violations: Array<{ id: string; impact: string | null; help: string; nodes: Array<{ target: string[] }> }> };
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => ({ frame: frame.url(), id: v.id, impact: v.impact ?? '', help: v.help, targets: v.nodes.map((n) => n.target.join(' ')) }));
}

export async function seriousA11yViolations(page: Page): Promise<A11yViolation[]> {
  const frames = page.frames().filter((f) => f === page.mainFrame() || !f.url().includes('/host/uikit/'));
  const found: A11yViolation[] = [];
  for (const frame of frames) found.push(...(await runAxe(frame)));
  return found;
}
