import { seriousA11yViolations } from '../testing/axe';
import { customUi, describeInBrowser, uiKit } from '../testing/browser-harness';
import { closePage, eventually, expectCount, invoke } from './steps';
import { availableByScript, customerAsksForAPerson, useHostHarness, widgetStatus } from './setup';

// The live view (README "Operations beyond PRODUCT.md": LV1–LV3) in Chromium: SUP's admin
// (admin-sup, Priya Shah) sees Ana chatting with customer-dana on the space settings page and
// assigns the chat to Ben; Ben accepts the transfer offer in his inbox, and the customer's widget
// names him. Screenshot for the README (see SCREENSHOT_DIR).
jest.setTimeout(60_000);

const h = useHostHarness();

describeInBrowser('the live view on the space settings page', () => {
  it('LV1, LV3: the space admin assigns Ana’s chat to Ben in the live view; Ben accepts and the customer sees his name', async () => {
    // Ana alone is Available: the customer's chat goes to her, and she takes it (R6, R7).
    await availableByScript(h, 'agent-ana');
    const { portal, widget, log } = await customerAsksForAPerson(h, 'customer-dana');
    const offered = await eventually(
      () => invoke(h, 'agent.me', {}, 'agent-ana'),
      (me) => (me.offers as unknown[]).length === 1,
      10_000,
      'the offer to Ana'
    );
    const [{ conversationId }] = offered.offers as { conversationId: string }[];
    await invoke(h, 'offer.accept', { conversationId }, 'agent-ana');
    const status = widgetStatus(widget);
    await status.filter({ hasText: 'You are chatting with Ana Souza.' }).waitFor();

    // Ben opens his inbox and is Available.
    await availableByScript(h, 'agent-ben');
    const benPage = await h.open({ kind: 'inbox' }, { as: 'agent-ben' });
    const ben = customUi(benPage, 'live-chat-inbox');
    await ben.getByText('You receive chat offers.', { exact: false }).waitFor();

    // The admin's live view: Ana with Dana's chat, Ben Available and free, nobody waiting.
    const page = await h.open({ kind: 'space-settings', projectKey: 'SUP' }, { as: 'admin-sup' });
    const settings = uiKit(page, 'live-chat-space-settings');
    await settings.getByRole('heading', { name: 'Live view' }).waitFor();
    const agents = settings.getByRole('table', { name: 'Agents of this space' });
    await agents.getByRole('row').filter({ hasText: 'Ana Souza' }).filter({ hasText: 'Dana Whitfield' }).waitFor();
    await agents.getByRole('row').filter({ hasText: 'Ben Carter' }).filter({ hasText: '0 of 3' }).waitFor();
    await agents.getByRole('row').filter({ hasText: 'Chen Wei' }).filter({ hasText: 'Offline' }).waitFor();
    const chats = settings.getByRole('table', { name: 'Running chats in this space' });
    const danaRow = chats.getByRole('row').filter({ hasText: 'Dana Whitfield' });
    await danaRow.filter({ hasText: 'Ana Souza' }).waitFor();
    await settings.getByText('Nobody is waiting.').waitFor();

    // Assign to… Ben Carter (only agents who can take a chat are offered: not Ana herself, not Chen, who is offline).
    await settings.getByLabel("Assign Dana Whitfield's chat to…").click();
    await expectCount(settings.getByRole('option', { name: 'Ana Souza' }), 0);
    await expectCount(settings.getByRole('option', { name: 'Chen Wei' }), 0);
    await settings.getByRole('option', { name: 'Ben Carter' }).click();
    // The README's picture: the live view itself, from its heading down (the settings above it have their own).
    await settings.getByRole('heading', { name: 'Live view' }).evaluate((heading) => heading.scrollIntoView({ block: 'start' }));
    await h.screenshot(page, 'live-view', { fullPage: false });
    expect(await seriousA11yViolations(page)).toEqual([]);
    await settings.getByRole('button', { name: "Assign Dana Whitfield's chat to the chosen agent" }).click();
    await settings.getByText('Ben Carter is offered Dana Whitfield', { exact: false }).waitFor();
    await danaRow.getByText('Waiting for Ben Carter to accept').waitFor();

    // Ben gets it as a transfer from Ana, and accepts.
    const offer = ben.getByRole('article');
    await offer.getByText('Transfer from Ana Souza', { exact: false }).waitFor();
    await offer.getByRole('button', { name: 'Accept' }).click();
    await ben.getByRole('textbox', { name: 'Message to Dana Whitfield' }).waitFor();

    // The customer is told whom they now chat with; the work item follows Ben (R7).
    await status.filter({ hasText: 'You are chatting with Ben Carter.' }).waitFor();
    await log.getByText('You are now chatting with Ben Carter.').waitFor();
    const workItemKey = ((await ben.getByRole('button', { name: /^Open SUP-\d+$/ }).textContent()) ?? '').replace('Open ', '').trim();
    await eventually(
      async () => h.server.holder.sandbox.jira.getIssue(workItemKey)?.fields.assignee,
      (assignee) => assignee === 'agent-ben',
      10_000,
      'the work item to be assigned to Ben'
    );

    // The live view follows by itself (it reads again every 10 s): Dana's chat is Ben's now.
    await chats.getByRole('row').filter({ hasText: 'Dana Whitfield' }).filter({ hasText: 'Ben Carter' }).waitFor({ timeout: 15_000 });
    expect(await seriousA11yViolations(page)).toEqual([]);
    for (const p of [page, benPage, portal]) await closePage(p);
  });
});
