import type { FrameLocator, Page } from 'playwright-core';
import { seriousA11yViolations } from '../testing/axe';
import { describeInBrowser, uiKit } from '../testing/browser-harness';
import { closePage, eventually, invoke, expectCount } from './steps';
import { acceptOffer, availableInbox, expectShown, useHostHarness } from './setup';

// The agent tools in Chromium, on the demo site: a space admin adds a saved reply on the space
// settings page (SR1); agent-ana answers a customer with it, found by typing / in the inbox
// (SR2); she inserts the AI's suggested reply, edits it and sends it (AI1); the customer gets
// exactly what she sent. The customer panel (CC1–CC3), the summary (AI2) and the ? overlay
// (IN1) are on those pages too. Screenshots are for the README (see SCREENSHOT_DIR).
jest.setTimeout(60_000);

const h = useHostHarness();

interface Chat {
  conversationId: string;
  token: string;
  workItemKey: string;
}

/** customer-dana asks for a person by script (the widget is chat-handoff.test.ts's), after saying `text`. */
async function danaAsks(text: string): Promise<Chat> {
  return (await invoke(
    h,
    'chat.start',
    { projectKey: 'SUP', summary: text, transcript: [{ from: 'customer', text }] },
    'customer-dana',
    'SUP'
  )) as unknown as Chat;
}

/** Ana's inbox, Available, with Dana's chat accepted in it. */
async function anaInChatWithDana(text: string): Promise<{ page: Page; inbox: FrameLocator; chat: Chat }> {
  const { page, inbox } = await availableInbox(h, 'agent-ana');
  const chat = await danaAsks(text);
  await acceptOffer(inbox);
  return { page, inbox, chat };
}

/** The messages Dana's widget reads. */
async function danaReads(chat: Chat): Promise<{ from: string; text: string }[]> {
  const view = (await invoke(h, 'chat.get', { conversationId: chat.conversationId, token: chat.token }, null)) as {
    messages: { from: string; text: string }[];
  };
  return view.messages;
}

/** What the agent sent, as Dana's widget reads it once the reply has come. */
async function agentLinesDanaGets(chat: Chat): Promise<string[]> {
  const messages = await eventually(
    () => danaReads(chat),
    (read) => read.some((m) => m.from === 'agent'),
    10_000,
    'Dana to get the reply'
  );
  return messages.filter((m) => m.from === 'agent').map((m) => m.text);
}

describeInBrowser('saved replies', () => {
  it('SR1, SR2, CC1, IN1: admin-sup adds a saved reply; agent-ana finds it with /, inserts it filled in, edits and sends it', async () => {
    // SR1: the space admin adds it on the space settings page.
    const settingsPage = await h.open({ kind: 'space-settings', projectKey: 'SUP' }, { as: 'admin-sup' });
    const settings = uiKit(settingsPage, 'live-chat-space-settings');
    await settings.getByRole('heading', { name: 'Saved replies' }).waitFor();
    await settings.getByText('No saved replies yet.').waitFor();
    // Nothing is saved on an error, which names the field.
    await settings.getByLabel('Reply title').fill('Password reset');
    await settings.getByRole('button', { name: 'Save reply' }).click();
    await settings.getByText('Text must not be empty', { exact: true }).waitFor();
    await settings
      .getByLabel('Reply text')
      .fill('Hi {customerName}, this is {agentName}. I have sent a new reset link; it is logged as {workItem}.');
    await settings.getByRole('button', { name: 'Save reply' }).click();
    await settings.getByText('“Password reset” is saved.').waitFor();
    await settings.getByRole('button', { name: 'Edit Password reset' }).waitFor();
    await settings.getByLabel('Reply title').fill('VPN');
    await settings.getByLabel('Reply text').fill('Restart the VPN client and sign in again.');
    await settings.getByRole('button', { name: 'Save reply' }).click();
    await settings.getByText('“VPN” is saved.').waitFor();
    expect(await seriousA11yViolations(settingsPage)).toEqual([]);
    await closePage(settingsPage);

    // SR2: in the inbox, / opens the picker; the search narrows it, the arrows choose, Enter inserts.
    const { page, inbox, chat } = await anaInChatWithDana('I am locked out of my account');
    // CC1: who she is talking to, as Jira shows Dana to Ana.
    const customer = inbox.getByRole('region', { name: 'Customer' });
    await customer.getByText('dana.whitfield@example.net').waitFor();
    await customer.getByText('The help portal’s home page.').waitFor();
    const box = inbox.getByRole('textbox', { name: 'Message to Dana Whitfield' });
    await box.fill('/');
    const picker = inbox.getByRole('listbox', { name: 'Saved replies' });
    await expectCount(picker.getByRole('option'), 2);
    await box.pressSequentially('pass');
    await expectCount(picker.getByRole('option'), 1);
    await picker.getByRole('option', { selected: true }).filter({ hasText: 'Password reset' }).waitFor();
    await expectShown(() => box.getAttribute('aria-activedescendant'), 'saved-reply-option-0', 'the box to point at the first reply');
    await h.screenshot(page, 'inbox-saved-replies');
    expect(await seriousA11yViolations(page)).toEqual([]);
    await box.press('Enter');
    await expectCount(picker, 0);
    const filled = `Hi Dana Whitfield, this is Ana Souza. I have sent a new reset link; it is logged as ${chat.workItemKey}.`;
    await expectShown(() => box.inputValue(), filled, 'the reply in the box, filled in');
    // Inserting sent nothing: the agent edits, then sends.
    expect((await danaReads(chat)).filter((m) => m.from === 'agent')).toEqual([]);
    await box.press('End');
    await box.pressSequentially(' It is valid for 30 minutes.');
    await box.press('Enter');
    expect(await agentLinesDanaGets(chat)).toEqual([`${filled} It is valid for 30 minutes.`]);

    // Esc closes the picker and keeps what was typed.
    await box.fill('/vp');
    await picker.waitFor();
    await box.press('Escape');
    await expectCount(picker, 0);
    await expectShown(() => box.inputValue(), '/vp', 'the box to keep /vp');
    await box.fill('');

    // IN1: outside the text box, ? lists the shortcuts in a dialog; Esc closes it; c goes to the message box.
    await inbox.getByRole('heading', { name: 'I am locked out of my account' }).focus();
    await page.keyboard.press('?');
    const dialog = inbox.getByRole('dialog', { name: 'Keyboard shortcuts' });
    await dialog.waitFor();
    await dialog.getByText('Resolve the open chat').waitFor();
    expect(await seriousA11yViolations(page)).toEqual([]);
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });
    await page.keyboard.press('c');
    await eventually(
      () => box.evaluate((el) => el === document.activeElement),
      (focused) => focused,
      5_000,
      'the message box to have focus'
    );
    await closePage(page);
  });
});

describeInBrowser('AI assist', () => {
  it('AI1, AI2: agent-ana accepts and sees a summary, inserts the suggested reply, edits it and sends it; Dana gets the edited text', async () => {
    const { page, inbox, chat } = await anaInChatWithDana('My VPN will not connect from home');
    // AI2: the summary of the chat so far, asked for as she accepted.
    await inbox.getByRole('region', { name: 'Summary so far' }).getByText('VPN', { exact: false }).waitFor();

    // AI1: a suggestion, shown, not sent.
    await inbox.getByRole('button', { name: 'Suggest a reply' }).click();
    const suggestion = inbox.getByRole('region', { name: 'AI suggestion' });
    await suggestion.getByText('Suggested reply (not sent)').waitFor();
    const suggested = ((await suggestion.locator('.suggestion-text').textContent()) ?? '').trim();
    expect(suggested).toContain('VPN client');
    await h.screenshot(page, 'inbox-suggestion');
    expect(await seriousA11yViolations(page)).toEqual([]);
    expect((await danaReads(chat)).filter((m) => m.from === 'agent')).toEqual([]);

    await suggestion.getByRole('button', { name: 'Use this reply' }).click();
    const box = inbox.getByRole('textbox', { name: 'Message to Dana Whitfield' });
    await expectShown(() => box.inputValue(), suggested, 'the suggestion in the box');
    const edited = `Hi Dana, Ana here. ${suggested}`;
    await box.fill(edited);
    expect((await danaReads(chat)).filter((m) => m.from === 'agent')).toEqual([]);
    await box.press('Enter');
    expect(await agentLinesDanaGets(chat)).toEqual([edited]);
    await closePage(page);
  });
});
