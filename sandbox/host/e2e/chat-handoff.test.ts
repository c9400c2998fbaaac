import type { FrameLocator, Page } from 'playwright-core';
import { seriousA11yViolations } from '../testing/axe';
import { describeInBrowser, flags, uiKit } from '../testing/browser-harness';
import { clickNotification, notifications, sounds } from '../testing/notifications';
import { closePage, eventually, invoke, expectCount } from './steps';
import { goAvailable, openChatWorkItemKey, openInbox, openWidget, phoneShot, useHostHarness, widgetStatus, write } from './setup';

// A whole chat handoff in Chromium, every person on their own page of the demo site: an agent
// goes Available in the inbox, a customer asks the AI in the SUP portal's widget and then for a
// person, the agent gets the offer and a notification, accepts, they write both ways in real
// time (no reloads: pushes or the pages' own polling), the agent resolves, and the work item
// shows what the chat left on it. Screenshots are for the README (see SCREENSHOT_DIR).
jest.setTimeout(60_000);

// Each test starts from a fresh demo site (every agent Offline, SUP set up with the Support team).
const h = useHostHarness();

/**
 * The agent's inbox, Available. `desktop`: whether the agent allowed notifications for the Jira
 * site itself; without that, Chromium gives the inbox's cross-origin frame no prompt at all.
 */
async function availableInbox(as: string, desktop: 'granted' | 'not asked' = 'not asked'): Promise<{ page: Page; inbox: FrameLocator }> {
  const opened = await openInbox(h, as, desktop === 'granted' ? 'granted' : 'default');
  if (desktop === 'granted') {
    await opened.inbox.getByText('Desktop notifications are on', { exact: false }).waitFor();
  } else {
    await opened.inbox.getByText('New offers and messages show as a Jira flag and here, with a sound.', { exact: false }).waitFor();
    await expectCount(opened.inbox.getByRole('button', { name: 'Turn on desktop notifications' }), 0);
  }
  await goAvailable(h, as, opened.inbox);
  return opened;
}

describeInBrowser('chat handoff from the portal to the inbox', () => {
  it('R6, R7, R15, R17, R19, R21, R23: customer-dana asks the AI, then a person; agent-ana is notified, accepts, they chat both ways, she resolves', async () => {
    const { page: agentPage, inbox } = await availableInbox('agent-ana');

    // The customer: the AI first (R23).
    const portal = await h.open({ kind: 'portal', projectKey: 'SUP' }, { as: 'customer-dana' });
    const widget = await openWidget(portal);
    const log = widget.getByRole('log', { name: 'Chat messages' });
    await write(widget, 'Message to the AI assistant', 'How do I reset my password?');
    await log.getByText('Forgot password?', { exact: false }).waitFor();

    // Then a person: an offer to the only Available agent of SUP (R6), who is notified (R19).
    await widget.getByRole('button', { name: 'Talk to a person' }).click();
    await widgetStatus(widget).filter({ hasText: 'Waiting for an agent' }).waitFor();
    const offer = inbox.getByRole('article');
    // The countdown runs on the sandbox's clock: Offer timeout is 2 minutes.
    await expect(offer.getByRole('timer').getAttribute('aria-label')).resolves.toMatch(/^(2 minutes|1 minute \d+ seconds?) left$/);
    await offer.getByText('How do I reset my password?', { exact: false }).first().waitFor();
    // R19 inside Forge: a Jira flag, a banner in the inbox, a chime and the count in the tab's
    // title; no desktop notification, which the browser does not let the cross-origin frame ask for.
    const flag = flags(agentPage).filter({ hasText: 'New chat offer (SUP)' });
    await flag.waitFor();
    await inbox.getByRole('region', { name: 'New for you' }).getByText('New chat offer (SUP)').waitFor();
    await eventually(
      () => sounds(agentPage),
      (count) => count > 0,
      5_000,
      'the chime'
    );
    await eventually(
      () => agentPage.title(),
      (title) => title.startsWith('(1) '),
      5_000,
      'the unread count in the title'
    );
    expect(await notifications(agentPage)).toEqual([]);
    await h.screenshot(agentPage, 'inbox-offer');
    expect(await seriousA11yViolations(agentPage)).toEqual([]);

    // R21: the flag's action opens the offer; Accept starts the chat for both (R7).
    await flag.getByRole('button', { name: 'Show' }).click();
    await eventually(
      () => offer.evaluate((el) => el === document.activeElement),
      (focused) => focused,
      5_000,
      'the offer card to have focus'
    );
    await offer.getByRole('button', { name: 'Accept' }).click();
    await inbox.getByRole('textbox', { name: 'Message to Dana Whitfield' }).waitFor();
    await widgetStatus(widget).filter({ hasText: 'You are chatting with Ana Souza.' }).waitFor();

    // Both ways, each arriving on the other page without a reload.
    await write(inbox, 'Message to Dana Whitfield', "Hi Dana, I'm Ana. I'll send you a new reset link now.");
    await log.getByText("Hi Dana, I'm Ana. I'll send you a new reset link now.").waitFor();
    await write(widget, 'Message to the agent', 'Thanks Ana, it just arrived!');
    const agentLog = inbox.getByRole('log', { name: 'Messages with Dana Whitfield' });
    await agentLog.getByText('Thanks Ana, it just arrived!').waitFor();
    await write(inbox, 'Message to Dana Whitfield', 'Great. Anything else I can help with?');
    await log.getByText('Anything else I can help with?', { exact: false }).waitFor();
    // The customer starts another message: the agent sees them typing (R23).
    await widget.getByRole('textbox', { name: 'Message to the agent' }).fill('One more thing');
    await inbox.getByText('Dana Whitfield is typing…').waitFor();
    await h.screenshot(agentPage, 'inbox-chat');
    expect(await seriousA11yViolations(agentPage)).toEqual([]);
    expect(await seriousA11yViolations(portal)).toEqual([]);

    // The agent resolves; the customer is told.
    const workItemKey = await openChatWorkItemKey(inbox);
    await inbox.getByRole('button', { name: 'Resolve' }).click();
    await inbox.getByText('This chat has ended (resolved)', { exact: false }).waitFor();
    await widget.getByText('Ana Souza ended the chat.', { exact: false }).waitFor();
    await widget.getByRole('button', { name: 'Start a new chat' }).waitFor();
    await closePage(portal);
    await closePage(agentPage);

    // The work item (R15, R17): label, Team, assignee, the first reply in public, the transcript inside.
    await h.server.holder.settle();
    const item = await h.open({ kind: 'work-item', issueKey: workItemKey }, { as: 'agent-ana' });
    const field = (name: string) =>
      item.getByRole('complementary', { name: 'Details' }).locator('dt', { hasText: name }).locator('xpath=following-sibling::dd[1]');
    await expect(field('Labels').textContent()).resolves.toContain('live-chat');
    await expect(field('Team').textContent()).resolves.toBe('Support team');
    await expect(field('Assignee').textContent()).resolves.toBe('Ana Souza');
    const publicReplies = item.getByRole('article', { name: 'Reply to customer by Ana Souza' });
    await expectCount(publicReplies, 1);
    await expect(publicReplies.textContent()).resolves.toContain("Hi Dana, I'm Ana. I'll send you a new reset link now.");
    const transcript = item.getByRole('article', { name: /^Internal note by/ });
    await expectCount(transcript, 1);
    for (const line of [
      'How do I reset my password?',
      "Hi Dana, I'm Ana.",
      'Thanks Ana, it just arrived!',
      'Anything else I can help with?'
    ]) {
      await expect(transcript.textContent()).resolves.toContain(line);
    }
    // The issue panel (R18): the assigned agent reads the transcript, the AI part marked.
    const panel = uiKit(item, 'live-chat-transcript');
    await panel.getByText('AI conversation before the handoff').waitFor();
    await panel.getByText('Thanks Ana, it just arrived!').waitFor();
    await h.screenshot(item, 'issue-panel');
    expect(await seriousA11yViolations(item)).toEqual([]);
    await closePage(item);

    // The start page now lists the chat's work item, and the usage meter counted the chat.
    const start = await h.open({ kind: 'start' }, { as: null });
    await start.getByRole('link', { name: new RegExp(`^${workItemKey}: How do I reset my password\\?`) }).waitFor();
    await h.screenshot(start, 'start-page');
    expect(await seriousA11yViolations(start)).toEqual([]);
    await closePage(start);
  });
});

describeInBrowser('an anonymous visitor on a phone', () => {
  it('R11, R23: asks the AI, is handed over by it, waits with a queue position, then chats with the agent and ends the chat', async () => {
    // agent-ana takes one chat at a time and already has one (customer-dana's, started by script).
    await invoke(h, 'site.settings.save', { maxConversations: 1 }, 'admin');
    // This agent allowed notifications for the Jira site, and turned the sound off.
    const { page: agentPage, inbox } = await availableInbox('agent-ana', 'granted');
    await inbox.getByRole('checkbox', { name: 'Play a sound for new offers and messages' }).uncheck();
    await invoke(
      h,
      'chat.start',
      {
        projectKey: 'SUP',
        summary: 'Invoice shows the wrong VAT number',
        transcript: [{ from: 'customer', text: 'My invoice has the wrong VAT number' }]
      },
      'customer-dana',
      'SUP'
    );
    await inbox.getByRole('article', { name: 'Invoice shows the wrong VAT number' }).getByRole('button', { name: 'Accept' }).click();
    await inbox.getByRole('textbox', { name: 'Message to Dana Whitfield' }).waitFor();

    const portal = await h.open({ kind: 'portal', projectKey: 'SUP' }, { as: null, viewport: 'phone' });
    const widget = await openWidget(portal);
    const log = widget.getByRole('log', { name: 'Chat messages' });
    await write(widget, 'Message to the AI assistant', 'My VPN keeps disconnecting');
    await widgetStatus(widget).filter({ hasText: 'You are chatting with our AI assistant.' }).waitFor();
    await log.locator('.from-ai').nth(1).waitFor();
    await phoneShot(h, portal, 'portal-phone-ai');
    expect(await seriousA11yViolations(portal)).toEqual([]);

    // Asking the AI for a person hands over (R23); every agent is at the maximum, so it waits (R11).
    await write(widget, 'Message to the AI assistant', 'Can I talk to a person please?');
    await widgetStatus(widget).filter({ hasText: 'You are number 1 in the queue.' }).waitFor();
    await expectCount(widget.getByRole('button', { name: 'Talk to a person' }), 0);
    // While waiting the customer may keep writing; the agent reads it on accepting.
    await write(widget, 'Message to the agent', 'I am on the train, the VPN drops at every tunnel.');
    await log.getByText('I am on the train', { exact: false }).waitFor();
    await phoneShot(h, portal, 'portal-phone-waiting');

    // The agent resolves Dana's chat: the slot frees and the visitor's chat is offered to her.
    await inbox.getByRole('button', { name: 'Resolve' }).click();
    await inbox.getByText('This chat has ended (resolved)', { exact: false }).waitFor();
    const offer = inbox.getByRole('article');
    await offer.getByRole('timer').waitFor();
    await widgetStatus(widget).filter({ hasText: 'You are next.' }).waitFor();
    // R19, R21 where the browser allows it: a desktop notification, which opens the offer; no chime.
    const isOffer = (n: { title: string }) => n.title === 'New chat offer (SUP)';
    const notified = await eventually(
      () => notifications(agentPage),
      (list) => list.filter(isOffer).length >= 2,
      10_000,
      'a desktop notification of the offer'
    );
    await clickNotification(agentPage, notified.map(isOffer).lastIndexOf(true));
    await eventually(
      () => offer.evaluate((el) => el === document.activeElement),
      (focused) => focused,
      5_000,
      'the offer card to have focus'
    );
    expect(await sounds(agentPage)).toBe(0);
    await offer.getByRole('button', { name: 'Accept' }).click();
    await inbox.getByText('I am on the train, the VPN drops at every tunnel.', { exact: true }).waitFor();
    await widgetStatus(widget).filter({ hasText: 'You are chatting with Ana Souza.' }).waitFor();

    // Typing and messages, both ways, in real time.
    const composer = inbox.getByRole('textbox', { name: /^Message to / });
    await composer.fill('Hi! Which VPN client version do you have?');
    await widget.getByText('Ana Souza is typing…').waitFor();
    await composer.press('Enter');
    await log.getByText('Which VPN client version do you have?', { exact: false }).waitFor();
    await write(widget, 'Message to the agent', 'Version 5.2 on Android.');
    await inbox.getByText('Version 5.2 on Android.').waitFor();
    await composer.fill('Please update to 5.4: it reconnects after tunnels.');
    await composer.press('Enter');
    await log.getByText('Please update to 5.4', { exact: false }).waitFor();
    // Seconds pass (virtual time) before the customer answers: "typing…" is over by then.
    await h.server.holder.advance(7_000);
    await write(widget, 'Message to the agent', 'Updated, and it stays connected now. Thank you!');
    await inbox.getByText('Updated, and it stays connected now. Thank you!').waitFor();
    await expectCount(widget.getByText('Ana Souza is typing…'), 0);
    await phoneShot(h, portal, 'portal-phone-chat');
    expect(await seriousA11yViolations(portal)).toEqual([]);

    // The customer ends the chat (R23).
    await widget.getByRole('button', { name: 'End chat' }).click();
    await widget.getByText('You ended the chat.', { exact: false }).waitFor();
    await inbox.getByText('This chat has ended (resolved)', { exact: false }).waitFor();
    await closePage(portal);
    await closePage(agentPage);
  });
});

describeInBrowser('no agent available', () => {
  it('R10, R15: the customer who asks for a person while every agent is Offline gets the fallback at once, and the work item is a missed chat', async () => {
    // The portal shows the chat even with nobody Available (R22's toggle off); every agent is Offline.
    await invoke(h, 'space.settings.save', { projectKey: 'SUP', showOnlyWhenAvailable: false }, 'admin-sup', 'SUP');
    const portal = await h.open({ kind: 'portal', projectKey: 'SUP' }, { as: 'customer-eli' });
    const widget = await openWidget(portal);
    await write(widget, 'Message to the AI assistant', 'My laptop will not start');
    await widgetStatus(widget).filter({ hasText: 'You are chatting with our AI assistant.' }).waitFor();
    await widget.getByRole('log', { name: 'Chat messages' }).locator('.from-ai').nth(1).waitFor();

    // No virtual time passes: the fallback is chat.start's own answer (no waiting).
    await widget.getByRole('button', { name: 'Talk to a person' }).click();
    const notice = widget.locator('.end-notice');
    await notice.waitFor();
    const text = (await notice.textContent()) ?? '';
    const workItemKey = /SUP-\d+/.exec(text)?.[0];
    expect(text).toBe(`All our agents are busy right now. We have logged your request as ${workItemKey} and will follow up there.`);
    await widgetStatus(widget).filter({ hasText: 'This chat has ended.' }).waitFor();
    await widget.getByRole('button', { name: 'Start a new chat' }).waitFor();
    expect(await seriousA11yViolations(portal)).toEqual([]);
    await closePage(portal);

    await h.server.holder.settle();
    const item = await h.open({ kind: 'work-item', issueKey: workItemKey ?? 'SUP-0' }, { as: 'agent-ana' });
    const labels = await item
      .getByRole('complementary', { name: 'Details' })
      .locator('dt', { hasText: 'Labels' })
      .locator('xpath=following-sibling::dd[1]')
      .textContent();
    expect(labels).toContain('live-chat');
    expect(labels).toContain('live-chat-missed');
    // R18: an agent who was never on the chat sees that it exists and was missed, not its messages.
    const panel = uiKit(item, 'live-chat-transcript');
    await panel.getByText('Missed', { exact: true }).waitFor();
    await panel.getByText("You can't see this conversation").waitFor();
    await panel.getByText('Its transcript is on this work item as an internal note.', { exact: false }).waitFor();
    await expect(item.getByRole('article', { name: /^Internal note by/ }).textContent()).resolves.toContain('Outcome: missed');
    expect(await seriousA11yViolations(item)).toEqual([]);
    await closePage(item);
  });
});
