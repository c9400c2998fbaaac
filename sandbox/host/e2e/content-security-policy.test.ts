import { cspViolations, customUi, describeInBrowser } from '../testing/browser-harness';
import { invoke } from './steps';
import { useHostHarness } from './setup';

// Content Security Policy: Forge serves Custom UI from its CDN under a policy that blocks inline
// <style> and style attributes unless manifest.yml opts in (permissions.content.styles). The
// app's two Custom UI pages run here cross-origin under that policy, enforced: they must be
// styled, and nothing of theirs may be blocked.
jest.setTimeout(60_000);

// One site for the file: each test goes on from where the one before left it.
const h = useHostHarness({ freshDemo: false });

describeInBrowser('Content Security Policy: the Custom UI apps under the enforced CSP', () => {
  it('the portal widget is styled and nothing of it is blocked', async () => {
    // The launcher shows with every agent Offline (R22's toggle off).
    await invoke(h, 'space.settings.save', { projectKey: 'SUP', showOnlyWhenAvailable: false }, 'admin-sup', 'SUP');
    const page = await h.open({ kind: 'portal', projectKey: 'SUP' }, { as: 'customer-dana' });
    const widget = customUi(page, 'live-chat-widget');
    const launcher = widget.getByRole('button', { name: 'Chat with us' });
    await launcher.waitFor();
    await expect(launcher.evaluate((el) => getComputedStyle(el).borderRadius)).resolves.toBe('24px');
    await expect(launcher.evaluate((el) => getComputedStyle(el).backgroundColor)).resolves.not.toBe('rgba(0, 0, 0, 0)');
    await expect(widget.locator('.widget').evaluate((el) => getComputedStyle(el).display)).resolves.toBe('flex');
    expect(await cspViolations(page)).toEqual([]);
  });

  it('the inbox is styled and nothing of it is blocked', async () => {
    const page = await h.open({ kind: 'inbox' }, { as: 'agent-ana' });
    const inbox = customUi(page, 'live-chat-inbox');
    const layout = inbox.locator('.inbox');
    await layout.waitFor();
    await expect(layout.evaluate((el) => getComputedStyle(el).display)).resolves.toBe('grid');
    await expect(inbox.locator('.sidebar').evaluate((el) => getComputedStyle(el).borderRightStyle)).resolves.toBe('solid');
    expect(await cspViolations(page)).toEqual([]);
  });
});
