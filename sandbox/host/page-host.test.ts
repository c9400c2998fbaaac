import { eventually } from './e2e/steps';
import { fixtureCalls } from './fixtures/fixture-app';
import { seriousA11yViolations } from './testing/axe';
import { cspViolations, customUi, flags, describeInBrowser, startHostHarness, uiKit, type HostHarness } from './testing/browser-harness';
import { fixtureServerOptions } from './testing/fixture-pages';
import { clickNotification, notifications } from './testing/notifications';

// The page host in Chromium, with fixture pages in place of the app's: a Custom UI page on the
// inbox (jira:globalPage) and the portal footer, a UI Kit page on the Jira admin page, and a
// fixture resolver. The app's own entry is not loaded: these tests are about the host, and the
// fixture app replaces it (SandboxOptions.appExports).
jest.mock('../../src/index', () => ({}));
jest.setTimeout(90_000);

let h: HostHarness;

beforeAll(async () => {
  h = await startHostHarness(await fixtureServerOptions());
});

afterAll(async () => {
  await h?.close();
});

beforeEach(() => {
  fixtureCalls.length = 0;
});

describeInBrowser('Custom UI bridge host', () => {
  it('answers view.getContext() with the module, its extension and the page user', async () => {
    const page = await h.open({ kind: 'inbox' }, { as: 'agent-ana' });
    const app = customUi(page, 'live-chat-inbox');
    await app.locator('#status').filter({ hasText: 'subscribed' }).waitFor();
    const context = JSON.parse((await app.locator('#context').textContent()) ?? '{}');
    expect(context).toMatchObject({
      accountId: 'agent-ana',
      moduleKey: 'live-chat-inbox',
      extension: { type: 'jira:globalPage' },
      locale: 'en-US',
      timezone: 'America/Sao_Paulo',
      environmentType: 'DEVELOPMENT',
      theme: { colorMode: 'light' }
    });
    expect(context.cloudId).toEqual(expect.any(String));
  });

  it('runs invoke through the module resolver as the page user, whatever the frame claims', async () => {
    const page = await h.open({ kind: 'inbox' }, { as: 'agent-ben' });
    const app = customUi(page, 'live-chat-inbox');
    await app.locator('#whoami').click();
    await app.locator('#whoami-result').filter({ hasText: 'agent-ben' }).waitFor();
    // The frame put accountId: 'admin' in its payload; the resolver's context is the page's.
    expect(fixtureCalls).toEqual([
      expect.objectContaining({
        operation: 'whoami',
        accountId: 'agent-ben',
        moduleKey: 'live-chat-inbox',
        extension: { type: 'jira:globalPage' },
        payload: { accountId: 'admin', moduleKey: 'live-chat-admin' }
      })
    ]);
    await expect(flags(page).filter({ hasText: 'Asked who I am' }).count()).resolves.toBe(1);
  });

  it('gives an anonymous portal visitor the portal context and Forge’s anonymous account id', async () => {
    const page = await h.open({ kind: 'portal', projectKey: 'SUP' }, { as: null, viewport: 'phone' });
    const app = customUi(page, 'live-chat-widget');
    await app.locator('#whoami').click();
    await app.locator('#whoami-result').filter({ hasText: 'portalFooter' }).waitFor();
    expect(fixtureCalls[0]).toMatchObject({
      accountId: 'unidentified',
      moduleKey: 'live-chat-widget',
      extension: { type: 'jiraServiceManagement:portalFooter', portal: { id: 2 } }
    });
  });

  it("gives the frame the sandbox's time as its Date, and moves it when virtual time moves", async () => {
    const page = await h.open({ kind: 'inbox' }, { as: 'agent-ana' });
    const app = customUi(page, 'live-chat-inbox');
    await app.locator('#status').filter({ hasText: 'subscribed' }).waitFor();
    const frame = page.frames().find((f) => f.url().includes('/host/resources/'));
    const frameNow = () => frame!.evaluate(() => [Date.now(), new Date().getTime()]);
    const near = (actual: number[], expected: number) => actual.every((t) => Math.abs(t - expected) < 10_000);
    expect(near(await frameNow(), h.server.holder.sandbox.clock.now())).toBe(true);

    await h.server.holder.advance(60 * 60_000);
    // The next answer of the host carries the new time.
    await app.locator('#whoami').click();
    await app.locator('#whoami-result').filter({ hasText: 'agent-ana' }).waitFor();
    expect(near(await frameNow(), h.server.holder.sandbox.clock.now())).toBe(true);
  });

  it('delivers a realtime message published by the resolver in the page module context', async () => {
    const page = await h.open({ kind: 'inbox' }, { as: 'agent-ana' });
    const app = customUi(page, 'live-chat-inbox');
    await app.locator('#status').filter({ hasText: 'subscribed' }).waitFor();
    await app.locator('#ping').click();
    await app.locator('#messages li').filter({ hasText: 'hello from the resolver' }).waitFor();
    expect(JSON.parse((await app.locator('#messages li').first().textContent()) ?? '')).toEqual({ text: 'hello from the resolver' });
  });

  it('R19: a cross-origin frame gets no notification prompt: Chromium denies it unless the product page already has the permission', async () => {
    const page = await h.open({ kind: 'inbox' }, { as: 'agent-ana', notifications: 'default' });
    const app = customUi(page, 'live-chat-inbox');
    await app.locator('#status').filter({ hasText: 'subscribed' }).waitFor();
    await app.locator('#notify').click();
    await app.locator('#status').filter({ hasText: 'notifications denied' }).waitFor();
    expect(await notifications(page)).toEqual([]);
  });

  it('R21: records the notifications a frame shows where the product page has the permission, and their clicks', async () => {
    const page = await h.open({ kind: 'inbox' }, { as: 'agent-ana', notifications: 'granted' });
    const app = customUi(page, 'live-chat-inbox');
    await app.locator('#status').filter({ hasText: 'subscribed' }).waitFor();
    await app.locator('#notify').click();
    const shown = await eventually(
      () => notifications(page),
      (list) => list.length > 0,
      10_000,
      'a notification'
    );
    expect(shown).toEqual([{ title: 'New chat', body: 'A customer is waiting', tag: 'chat-1' }]);
    await clickNotification(page, 0);
    await app.locator('#status').filter({ hasText: 'notification opened' }).waitFor();
  });
});

describeInBrowser('Content Security Policy: Custom UI cross-origin, sandboxed, under the enforced CSP', () => {
  it('serves the frame from its own origin in an iframe with exactly the sandbox and feature policies Forge documents', async () => {
    const page = await h.open({ kind: 'inbox' }, { as: 'agent-ana' });
    await customUi(page, 'live-chat-inbox').locator('#status').filter({ hasText: 'subscribed' }).waitFor();
    const iframe = page.locator('iframe.app-frame[data-module="live-chat-inbox"]');
    // https://developer.atlassian.com/platform/forge/custom-ui/iframe/
    await expect(iframe.getAttribute('sandbox')).resolves.toBe(
      'allow-downloads allow-forms allow-modals allow-pointer-lock allow-same-origin allow-scripts'
    );
    await expect(iframe.getAttribute('allow')).resolves.toBe('camera; clipboard-write; display-capture; fullscreen; microphone');
    const frame = page.frames().find((f) => f.url().includes('/host/resources/'))!;
    expect(new URL(frame.url()).origin).toBe(h.server.pages.frameOrigin);
    expect(new URL(frame.url()).origin).not.toBe(new URL(page.url()).origin);
    // Cross-origin: the app cannot reach into the product's page (its DOM, its title).
    await expect(
      frame.evaluate(() => {
        try {
          return window.parent.document.title;
        } catch (error) {
          return (error as Error).name;
        }
      })
    ).resolves.toBe('SecurityError');
  });

  it("view.changeWindowTitle: a full-page module retitles the product's page; a portal footer is refused", async () => {
    const inbox = await h.open({ kind: 'inbox' }, { as: 'agent-ana' });
    const page = customUi(inbox, 'live-chat-inbox');
    await page.locator('#status').filter({ hasText: 'subscribed' }).waitFor();
    await page.locator('#retitle').click();
    await page.locator('#status').filter({ hasText: 'title changed' }).waitFor();
    await expect(inbox.title()).resolves.toBe('(2) Fixture');

    const portal = await h.open({ kind: 'portal', projectKey: 'SUP' }, { as: null });
    const footer = customUi(portal, 'live-chat-widget');
    await footer.locator('#status').filter({ hasText: 'subscribed' }).waitFor();
    const before = await portal.title();
    await footer.locator('#retitle').click();
    await footer.locator('#status').filter({ hasText: 'title refused' }).waitFor();
    await expect(portal.title()).resolves.toBe(before);
  });

  it("the product's site does not serve app frames, and the frame origin serves nothing else", async () => {
    const onSite = await fetch(`${h.url}/host/resources/agent-inbox/index.html`);
    expect(onSite.status).toBe(404);
    for (const path of ['/pages/inbox', '/host/assets/host-page.js', '/api/time', '/realtime/subscribe']) {
      expect((await fetch(h.server.pages.frameOrigin + path)).status).toBe(404);
    }
    const bridge = await fetch(`${h.server.pages.frameOrigin}/host/bridge/context`, { method: 'POST', body: '{}' });
    expect(bridge.status).toBe(405);
    const document = await fetch(`${h.server.pages.frameOrigin}/host/resources/agent-inbox/index.html`);
    expect(document.status).toBe(200);
    expect(document.headers.get('content-security-policy-report-only')).toBeNull();
    expect(document.headers.get('content-security-policy')).toContain(`frame-ancestors ${new URL(h.url).origin}`);
    expect(document.headers.get('content-security-policy')).toContain("style-src 'self';");
  });

  it('a page with an inline <style>, a style attribute or an inline script is not styled and does not run them; the violations are reported; its CSS file applies', async () => {
    const page = await h.open({ kind: 'inbox' }, { as: 'agent-ana' });
    const app = customUi(page, 'live-chat-inbox');
    await app.locator('#status').filter({ hasText: 'subscribed' }).waitFor();
    const color = (id: string) => app.locator(`#${id}`).evaluate((el) => getComputedStyle(el).color);
    await expect(color('file-styled')).resolves.toBe('rgb(0, 128, 0)');
    await expect(color('inline-styled')).resolves.not.toBe('rgb(255, 0, 0)');
    await expect(color('attribute-styled')).resolves.not.toBe('rgb(255, 0, 0)');
    const frame = page.frames().find((f) => f.url().includes('/host/resources/'))!;
    await expect(frame.evaluate(() => (window as unknown as { inlineScriptRan?: boolean }).inlineScriptRan ?? false)).resolves.toBe(false);
    const violations = await cspViolations(page);
    expect(violations).toEqual(
      expect.arrayContaining([
        { moduleKey: 'live-chat-inbox', directive: 'style-src-elem', blocked: 'inline' },
        { moduleKey: 'live-chat-inbox', directive: 'style-src-attr', blocked: 'inline' },
        { moduleKey: 'live-chat-inbox', directive: 'script-src-elem', blocked: 'inline' }
      ])
    );
    await page.getByRole('alert').filter({ hasText: "Forge's Content Security Policy blocked an inline style" }).first().waitFor();
  });
});

describeInBrowser('UI Kit renderer', () => {
  it('renders the ForgeDoc with Atlaskit and names a component it does not support', async () => {
    const page = await h.open({ kind: 'admin' }, { as: 'admin' });
    const root = uiKit(page, 'live-chat-admin');
    await root.getByText('Module: live-chat-admin').waitFor();
    await expect(root.getByRole('heading', { name: 'Fixture UI Kit' }).count()).resolves.toBe(1);
    await expect(root.locator('[data-unsupported-component="Calendar"]').textContent()).resolves.toContain(
      'Unsupported UI Kit component: Calendar'
    );
  });

  it('draws UI Kit charts from either data form: bars per group with a legend, a line in the palette’s colour, the data as the accessible name', async () => {
    const page = await h.open({ kind: 'admin' }, { as: 'admin' });
    const root = uiKit(page, 'live-chat-admin');
    const bars = root.locator('figure[data-ui-kit-chart="BarChart"]');
    await bars.getByRole('img', { name: 'Fixture bars: Mon A 3, B 1; Tue A 2, B 0' }).waitFor();
    await expect(bars.locator('figcaption').textContent()).resolves.toBe('Fixture bars');
    await expect(bars.getByRole('list', { name: 'Legend' }).getByRole('listitem').allTextContents()).resolves.toEqual(['A', 'B']);
    const heights = await bars.locator('rect').evaluateAll((rects) => rects.map((r) => Number(r.getAttribute('height'))));
    expect(heights.filter((height) => height > 0)).toHaveLength(3);
    const line = root.locator('figure[data-ui-kit-chart="LineChart"]');
    await line.getByRole('img', { name: 'Fixture line: Mon 4; Tue 6' }).waitFor();
    await expect(line.locator('polyline').getAttribute('points')).resolves.toMatch(/^[\d.]+,[\d.]+ [\d.]+,[\d.]+$/);
    await expect(line.locator('g').last().getAttribute('stroke')).resolves.toBe('rgb(0, 128, 0)');
    await expect(line.evaluate((figure) => getComputedStyle(figure).borderStyle)).resolves.toBe('none');
  });

  it('shows a field error and sends a valid form to the resolver as the page user', async () => {
    const page = await h.open({ kind: 'admin' }, { as: 'admin' });
    const root = uiKit(page, 'live-chat-admin');
    await root.getByRole('button', { name: 'Save' }).click();
    await root.getByText('Name is required').waitFor();
    expect(fixtureCalls).toEqual([]);

    await root.getByLabel('Name').fill('Morgan');
    await root.getByLabel('Level').click();
    await page.getByText('High', { exact: true }).click();
    await root.getByLabel('Notify').uncheck({ force: true });
    await root.getByRole('button', { name: 'Save' }).click();
    await root.getByText('Saved').first().waitFor();
    expect(fixtureCalls).toEqual([
      expect.objectContaining({
        operation: 'save',
        accountId: 'admin',
        moduleKey: 'live-chat-admin',
        payload: { name: 'Morgan', notify: false, level: 'high' }
      })
    ]);
    await expect(root.getByText('Name is required').count()).resolves.toBe(0);
  });
});

describeInBrowser('pages', () => {
  it('the start page links every surface and has no serious accessibility violation', async () => {
    const page = await h.open({ kind: 'start' }, { as: null });
    for (const link of [
      'Support portal (SUP)',
      'Inbox of Ana Souza',
      'Support space settings: Live chat',
      'Jira administration: Live chat',
      'All work items of the fake Jira',
      'Usage details'
    ]) {
      await expect(page.getByRole('link', { name: link }).count()).resolves.toBe(1);
    }
    expect(await seriousA11yViolations(page)).toEqual([]);
  });

  it('the work items and usage pages have no serious accessibility violation', async () => {
    for (const surface of [{ kind: 'work-items' as const }, { kind: 'usage' as const }, { kind: 'portal' as const, projectKey: 'HR' }]) {
      const page = await h.open(surface, { as: 'agent-ana' });
      expect(await seriousA11yViolations(page)).toEqual([]);
    }
  });
});
