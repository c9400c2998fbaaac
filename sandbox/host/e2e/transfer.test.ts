import { seriousA11yViolations } from '../testing/axe';
import { describeInBrowser, uiKit } from '../testing/browser-harness';
import { closePage, eventually, expectCount } from './steps';
import { acceptOffer, availableInbox, openChatWorkItemKey, openWidget, useHostHarness, widgetStatus, write } from './setup';

// Transfer and History (README "Operations beyond PRODUCT.md") in Chromium, each person on their
// own page: Ana takes customer-dana's chat and transfers it to Ben, who gets it as a transfer
// offer and accepts; the customer's widget names Ben; after Ben resolves, Ana finds the chat in
// her History and reads it again. Screenshots for the README (see SCREENSHOT_DIR).
jest.setTimeout(60_000);

const h = useHostHarness();

describeInBrowser('a chat transferred between agents', () => {
  it('Transfer, History: Ana transfers the chat to Ben, Ben accepts and the customer sees his name; Ana reads it again in her History', async () => {
    const ana = await availableInbox(h, 'agent-ana');
    const ben = await availableInbox(h, 'agent-ben');

    // The customer asks the AI, then a person; round robin offers it to Ana first (R6: ties by account id).
    const portal = await h.open({ kind: 'portal', projectKey: 'SUP' }, { as: 'customer-dana' });
    const widget = await openWidget(portal);
    const log = widget.getByRole('log', { name: 'Chat messages' });
    await write(widget, 'Message to the AI assistant', 'My VPN keeps disconnecting');
    await log.getByText('VPN', { exact: false }).nth(1).waitFor();
    await widget.getByRole('button', { name: 'Talk to a person' }).click();
    await acceptOffer(ana.inbox);
    await widgetStatus(widget).filter({ hasText: 'You are chatting with Ana Souza.' }).waitFor();
    await write(ana.inbox, 'Message to Dana Whitfield', 'Hi Dana, let me pass you to our network specialist.');
    await log.getByText('let me pass you to our network specialist', { exact: false }).waitFor();

    // Ana: Transfer → Ben Carter. She keeps the chat until he accepts.
    await ana.inbox.getByRole('button', { name: 'Transfer', exact: true }).click();
    const choices = ana.inbox.getByRole('group', { name: 'Transfer this chat to' });
    await choices.getByRole('radio', { name: 'Ben Carter' }).check();
    await choices.getByRole('radio', { name: 'Back to the SUP queue' }).waitFor();
    await expectCount(choices.getByRole('radio', { name: 'Ana Souza' }), 0);
    await h.screenshot(ana.page, 'inbox-transfer');
    expect(await seriousA11yViolations(ana.page)).toEqual([]);
    await ana.inbox.getByRole('button', { name: 'Transfer chat' }).click();
    await ana.inbox.getByText('Waiting for Ben Carter to accept the transfer.', { exact: false }).waitFor();

    // Ben: an offer like any other, marked as a transfer from Ana, with the summary and the AI conversation.
    const offer = ben.inbox.getByRole('article');
    await offer.getByText('Transfer from Ana Souza', { exact: false }).waitFor();
    await offer.getByText('My VPN keeps disconnecting', { exact: false }).first().waitFor();
    await h.screenshot(ben.page, 'inbox-transfer-offer');
    expect(await seriousA11yViolations(ben.page)).toEqual([]);
    await offer.getByRole('button', { name: 'Accept' }).click();
    await ben.inbox.getByRole('textbox', { name: 'Message to Dana Whitfield' }).waitFor();

    // The customer is told whom they now chat with, in the status line and the transcript.
    await widgetStatus(widget).filter({ hasText: 'You are chatting with Ben Carter.' }).waitFor();
    await log.getByText('You are now chatting with Ben Carter.').waitFor();
    await write(ben.inbox, 'Message to Dana Whitfield', 'Hi Dana, Ben here. Which office are you in?');
    await log.getByText('Ben here. Which office are you in?').waitFor();
    expect(await seriousA11yViolations(portal)).toEqual([]);

    // Ana's view: the chat has gone to Ben (R18: she no longer reads it).
    await ana.inbox.getByRole('heading', { name: 'This chat was transferred' }).waitFor();
    await ana.inbox.getByText('Ben Carter has it now.', { exact: false }).waitFor();

    // The work item's assignee followed Ben (R7).
    const workItemKey = await openChatWorkItemKey(ben.inbox);
    await eventually(
      async () => h.server.holder.sandbox.jira.getIssue(workItemKey)?.fields.assignee,
      (assignee) => assignee === 'agent-ben',
      10_000,
      'the work item to be assigned to Ben'
    );

    // Ben resolves; Ana finds it in her History and reads the transcript, both agents' lines under their names.
    await ben.inbox.getByRole('button', { name: 'Resolve' }).click();
    await ben.inbox.getByText('This chat has ended (resolved)', { exact: false }).waitFor();
    await ana.inbox.getByRole('button', { name: 'History' }).click();
    const history = ana.inbox.locator('#history-list');
    await history.getByRole('button', { name: /My VPN keeps disconnecting/ }).click();
    const transcript = ana.inbox.getByRole('log', { name: 'Messages with Dana Whitfield' });
    await transcript.getByText('Ben here. Which office are you in?').waitFor();
    await transcript.getByText('You are now chatting with Ben Carter.').waitFor();
    await transcript.getByText('Ben Carter', { exact: false }).first().waitFor();
    await ana.inbox.getByText('This chat has ended (resolved)', { exact: false }).waitFor();
    await h.screenshot(ana.page, 'inbox-history');
    expect(await seriousA11yViolations(ana.page)).toEqual([]);

    // The work item's panel shows Ana, a former assignee, the ended chat's transcript (History, R18).
    await h.server.holder.settle();
    const item = await h.open({ kind: 'work-item', issueKey: workItemKey }, { as: 'agent-ana' });
    const panel = uiKit(item, 'live-chat-transcript');
    await panel.getByText('Ben here. Which office are you in?').waitFor();
    expect(await seriousA11yViolations(item)).toEqual([]);

    for (const page of [item, portal, ana.page, ben.page]) await closePage(page);
  });
});
