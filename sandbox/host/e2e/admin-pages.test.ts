import { seriousA11yViolations } from '../testing/axe';
import { describeInBrowser, uiKit } from '../testing/browser-harness';
import { closePage, eventually, invoke, expectCount } from './steps';
import { expectShown, useHostHarness } from './setup';

// The admins' pages in Chromium, on the demo site: a space admin sets up live chat for SUP
// (R26, R27) and saves its settings, a bad value gets a field error; the site admin sets
// Maximum conversations (R5). Screenshots are for the README (see SCREENSHOT_DIR).
jest.setTimeout(60_000);

// One site for the file: each test goes on from where the one before left it.
const h = useHostHarness({ freshDemo: false });

describeInBrowser('space settings (jira:projectSettingsPage)', () => {
  it('R26, R27: admin-sup deactivates, sets up live chat with the escalation line, and saves settings after a field error', async () => {
    const page = await h.open({ kind: 'space-settings', projectKey: 'SUP' }, { as: 'admin-sup' });
    const settings = uiKit(page, 'live-chat-space-settings');

    // The demo set SUP up; deactivating lists what to remove from other Rovo agents (R27).
    await settings.getByRole('button', { name: 'Deactivate live chat' }).click();
    await settings.getByRole('button', { name: 'Yes, deactivate' }).click();
    await settings.getByText('Live chat is deactivated for this space').waitFor();
    await settings.getByText('Project key: SUP', { exact: false }).first().waitFor();
    await expectCount(settings.getByRole('button', { name: 'Deactivate live chat' }), 0);
    await settings.getByText('Deactivated', { exact: true }).waitFor();
    expect(await invoke(h, 'space.settings.get', { projectKey: 'SUP' }, 'admin-sup', 'SUP')).toMatchObject({ setUp: false });

    // Set up again: the escalation line for SUP, ready to copy (R26).
    await settings.getByRole('button', { name: 'Set up live chat' }).click();
    await settings.getByRole('heading', { name: 'Escalation from Rovo' }).waitFor();
    await settings.getByRole('code').getByText('Escalate by starting a live chat (Project key: SUP)', { exact: false }).waitFor();
    await expectCount(settings.getByText('Live chat is deactivated for this space'), 0);
    expect(await invoke(h, 'space.settings.get', { projectKey: 'SUP' }, 'admin-sup', 'SUP')).toMatchObject({ enabled: true, setUp: true });

    // Out of range: the backend refuses everything, and says why under the field.
    const timeToAssign = settings.getByLabel('Time to assign (minutes)');
    await timeToAssign.fill('90');
    await settings.getByLabel('Fallback message').fill('Our agents are all busy. Your request is {workItem}; we will reply there.');
    await settings.getByRole('button', { name: 'Save settings' }).click();
    await settings.getByText('Settings not saved').waitFor();
    await settings.getByText('Time to assign must be between 1 and 60 minutes', { exact: true }).waitFor();
    await expectShown(() => timeToAssign.getAttribute('aria-invalid'), 'true', 'Time to assign marked invalid');
    expect(await invoke(h, 'space.settings.get', { projectKey: 'SUP' }, 'admin-sup', 'SUP')).toMatchObject({ timeToAssignMinutes: 20 });

    await timeToAssign.fill('15');
    await settings.getByLabel('Offer timeout (seconds)').fill('90');
    await settings.getByRole('button', { name: 'Save settings' }).click();
    await settings.getByText('Settings saved').waitFor();
    await expectCount(settings.getByText('Time to assign must be between 1 and 60 minutes', { exact: true }), 0);
    await expectShown(
      () => timeToAssign.getAttribute('aria-invalid'),
      (value) => value !== 'true',
      'Time to assign no longer marked invalid'
    );
    await settings.getByText('Our agents are all busy. Your request is SUP-123; we will reply there.').waitFor();
    expect(await invoke(h, 'space.settings.get', { projectKey: 'SUP' }, 'admin-sup', 'SUP')).toMatchObject({
      timeToAssignMinutes: 15,
      offerTimeoutSeconds: 90,
      fallbackMessage: 'Our agents are all busy. Your request is {workItem}; we will reply there.',
      defaultLabel: 'live-chat'
    });

    await h.screenshot(page, 'space-settings');
    expect(await seriousA11yViolations(page)).toEqual([]);
    await closePage(page);
  });
});

describeInBrowser('Jira admin page (jira:adminPage)', () => {
  it('R5: the site admin sets Maximum conversations (a value out of range is refused under the field) and sees the site overview', async () => {
    // Something for the overview: two SUP agents Available, one of them chatting with customer-dana.
    for (const agent of ['agent-ana', 'agent-ben']) {
      await invoke(h, 'agent.heartbeat', {}, agent);
      await invoke(h, 'agent.setStatus', { status: 'available' }, agent);
    }
    const chat = await invoke(
      h,
      'chat.start',
      { projectKey: 'SUP', summary: 'Printer on floor 3 is offline', transcript: [] },
      'customer-dana',
      'SUP'
    );
    const offers = async (agent: string) => ((await invoke(h, 'agent.me', {}, agent)).offers as unknown[] | undefined)?.length ?? 0;
    const offeredTo = (await offers('agent-ana')) > 0 ? 'agent-ana' : 'agent-ben';
    expect(await invoke(h, 'offer.accept', { conversationId: chat.conversationId }, offeredTo)).toEqual({ status: 'active' });

    const page = await h.open({ kind: 'admin' }, { as: 'admin' });
    const admin = uiKit(page, 'live-chat-admin');
    const maximum = admin.getByLabel('Maximum conversations per agent');
    await expectShown(() => maximum.inputValue(), '3', 'the maximum of 3');

    await maximum.fill('25');
    await admin.getByRole('button', { name: 'Save', exact: true }).click();
    await admin.getByText('between 1 and 20', { exact: false }).waitFor();
    expect(await invoke(h, 'site.settings.get', {}, 'admin')).toMatchObject({ maxConversations: 3 });

    await maximum.fill('5');
    await admin.getByRole('button', { name: 'Save', exact: true }).click();
    await admin.getByText('Maximum conversations saved').waitFor();
    await admin.getByText('Agents now take up to 5 chats at a time.').waitFor();
    expect(await invoke(h, 'site.settings.get', {}, 'admin')).toMatchObject({ maxConversations: 5 });

    // The overview as the page loaded it, then after Refresh once agent-ben went on a break.
    const summary = (text: string) => admin.getByText(`1 space with live chat on · ${text}`).waitFor();
    const row = (name: string) =>
      eventually(
        () => admin.getByRole('row').filter({ hasText: name }).getByRole('cell').allTextContents(),
        (cells) => cells.length === 5,
        10_000,
        `the ${name} row`
      );
    await summary('2 agents available now · 0 waiting · 1 active');
    await invoke(h, 'agent.setStatus', { status: 'on_break' }, 'agent-ben');
    await admin.getByRole('button', { name: 'Refresh' }).click();
    await summary('1 agent available now · 0 waiting · 1 active');
    await expect(row('Support (SUP)')).resolves.toEqual(['Support (SUP)', 'On', '1', '0', '1']);
    await expect(row('Human resources (HR)')).resolves.toEqual(['Human resources (HR)', 'Off', '0', '0', '0']);
    await h.screenshot(page, 'jira-admin');
    expect(await seriousA11yViolations(page)).toEqual([]);
    await closePage(page);
  });
});
