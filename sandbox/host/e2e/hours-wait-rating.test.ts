import { seriousA11yViolations } from '../testing/axe';
import { customUi, describeInBrowser, uiKit } from '../testing/browser-harness';
import { closePage, eventually, invoke } from './steps';
import { availableByScript, expectShown, openWidget, phoneShot, useHostHarness, widgetStatus } from './setup';

// Business hours (H1–H3), the estimated wait (W1) and the rating after the chat (X1) in Chromium,
// on the demo site, the customer on a phone. Screenshots are for the README (see SCREENSHOT_DIR).
jest.setTimeout(90_000);

const h = useHostHarness();

const MINUTE = 60_000;

/** Today in Berlin on the sandbox's clock, so "closed today" holds whatever day the run is on. */
function berlinToday(): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Berlin' }).format(new Date(h.server.holder.sandbox.clock.now()));
}

describeInBrowser('business hours', () => {
  it('H1, H3: admin-sup saves business hours (a bad time zone is refused under its field); outside them a customer leaves a request', async () => {
    const page = await h.open({ kind: 'space-settings', projectKey: 'SUP' }, { as: 'admin-sup' });
    const settings = uiKit(page, 'live-chat-space-settings');
    await settings.getByRole('heading', { name: 'Business hours', exact: true }).waitFor();
    // Atlassian's toggle draws its switch over the checkbox; the page re-renders once the app has the change.
    await settings.getByLabel('Open only during business hours').click({ force: true });
    await settings.getByLabel('Time zone').waitFor();
    const zone = settings.getByLabel('Time zone');
    await zone.fill('Europe/Atlantis');
    await settings.getByLabel('Holidays').fill(berlinToday());
    await settings.getByRole('button', { name: 'Save business hours' }).click();
    await settings.getByText('Business hours not saved').waitFor();
    await settings.getByText('Time zone must be an IANA time zone name, such as Europe/Berlin', { exact: true }).waitFor();
    await expectShown(() => zone.getAttribute('aria-invalid'), 'true', 'the time zone marked invalid');
    expect(await invoke(h, 'space.settings.get', { projectKey: 'SUP' }, 'admin-sup', 'SUP')).toMatchObject({ businessHours: null });

    await zone.fill('Europe/Berlin');
    await settings.getByLabel('Friday').fill('09:00-12:00, 13:00-16:00');
    await settings.getByRole('button', { name: 'Save business hours' }).click();
    await settings.getByText('Business hours saved').waitFor();
    const saved = await invoke(h, 'space.settings.get', { projectKey: 'SUP' }, 'admin-sup', 'SUP');
    expect(saved.businessHours).toMatchObject({
      timeZone: 'Europe/Berlin',
      holidays: [berlinToday()],
      week: {
        monday: [{ start: '09:00', end: '17:00' }],
        friday: [
          { start: '09:00', end: '12:00' },
          { start: '13:00', end: '16:00' }
        ]
      }
    });
    await h.screenshot(page, 'space-settings-business-hours');
    expect(await seriousA11yViolations(page)).toEqual([]);
    await closePage(page);

    // Today is a holiday: closed, though ana is Available (H1); the widget offers a request.
    await availableByScript(h, 'agent-ana');
    const portal = await h.open({ kind: 'portal', projectKey: 'SUP' }, { as: 'customer-dana', viewport: 'phone' });
    const widget = customUi(portal, 'live-chat-widget');
    await widget.getByRole('button', { name: 'Leave us a request' }).click();
    await widget.getByRole('heading', { name: 'We are closed' }).waitFor();
    await widget.getByText('We are closed right now and back on', { exact: false }).waitFor();
    await widget.getByLabel('Your request').fill('The printer on floor 3 jams on every page. Please have a look tomorrow.');
    await widget.getByRole('button', { name: 'Leave a request' }).click();
    const confirmation = widget.getByText('Thanks. We have logged your request as', { exact: false });
    await confirmation.waitFor();
    const key = /as ([A-Z]+-\d+)/.exec((await confirmation.textContent()) ?? '')?.[1] ?? '';
    const issue = h.server.holder.sandbox.jira.getIssue(key);
    expect(issue?.fields.labels).toEqual(expect.arrayContaining(['live-chat', 'live-chat-after-hours']));
    expect(((await invoke(h, 'agent.me', {}, 'agent-ana')).offers as unknown[]).length).toBe(0);
    await phoneShot(h, portal, 'portal-phone-closed');
    expect(await seriousA11yViolations(portal)).toEqual([]);
    await closePage(portal);
  });
});

describeInBrowser('estimated wait', () => {
  it('W1: a waiting customer sees their place in the queue and a range from the space’s recent accepts', async () => {
    await invoke(h, 'site.settings.save', { maxConversations: 1 }, 'admin');
    await invoke(h, 'space.settings.save', { projectKey: 'SUP', offerTimeoutSeconds: 600 }, 'admin-sup', 'SUP');
    await availableByScript(h, 'agent-ana');
    // Three earlier chats, accepted after 2, 3 and 4 minutes, and the one ana has now at once: 1–4 minutes.
    for (const [i, minutes] of [2, 3, 4].entries()) {
      const chat = await invoke(
        h,
        'chat.start',
        { projectKey: 'SUP', summary: `Earlier chat ${i + 1}`, transcript: [] },
        'customer-dana',
        'SUP'
      );
      await h.server.holder.advance(minutes * MINUTE);
      await invoke(h, 'agent.heartbeat', {}, 'agent-ana');
      expect(await invoke(h, 'offer.accept', { conversationId: chat.conversationId }, 'agent-ana')).toEqual({ status: 'active' });
      await invoke(h, 'conversation.resolve', { conversationId: chat.conversationId }, 'agent-ana');
    }
    // ana is busy with one now: the next customer waits.
    const busy = await invoke(h, 'chat.start', { projectKey: 'SUP', summary: 'Busy', transcript: [] }, 'customer-dana', 'SUP');
    await invoke(h, 'offer.accept', { conversationId: busy.conversationId }, 'agent-ana');

    const portal = await h.open({ kind: 'portal', projectKey: 'SUP' }, { as: null, viewport: 'phone' });
    const widget = await openWidget(portal);
    await widget.getByRole('button', { name: 'Talk to a person' }).click();
    await widgetStatus(widget)
      .filter({ hasText: 'You are next.' })
      .or(widgetStatus(widget).filter({ hasText: 'number 1' }))
      .waitFor();
    await widget.getByText('The wait is about 1–4 minutes (an estimate, not a promise).').waitFor();
    await phoneShot(h, portal, 'portal-phone-estimate');
    expect(await seriousA11yViolations(portal)).toEqual([]);
    await closePage(portal);
  });
});

describeInBrowser('rating after the chat', () => {
  it('X1: the customer rates the ended chat; the work item gets the label, and the issue panel shows the rating', async () => {
    await availableByScript(h, 'agent-ana');
    const portal = await h.open({ kind: 'portal', projectKey: 'SUP' }, { as: 'customer-dana', viewport: 'phone' });
    const widget = await openWidget(portal);
    await widget.getByRole('button', { name: 'Talk to a person' }).click();
    const me = await eventually(
      () => invoke(h, 'agent.me', {}, 'agent-ana'),
      (answer) => ((answer.offers as unknown[]) ?? []).length > 0,
      10_000,
      'the offer to agent-ana'
    );
    const { conversationId } = (me.offers as { conversationId: string }[])[0];
    await invoke(h, 'offer.accept', { conversationId }, 'agent-ana');
    await invoke(h, 'conversation.send', { conversationId, text: 'Your password is reset; check your email.' }, 'agent-ana');
    await invoke(h, 'conversation.resolve', { conversationId }, 'agent-ana');

    await widget.getByRole('group', { name: 'How was this chat?' }).waitFor({ timeout: 20_000 });
    // The fourth star (its radio button is named for screen readers).
    await widget.locator('label.star').nth(3).click();
    await expectShown(() => widget.getByRole('radio', { name: '4 of 5: Good' }).isChecked(), true, 'the fourth star chosen');
    await widget.getByLabel('Comment (optional)').fill('Quick and friendly, thanks!');
    await phoneShot(h, portal, 'portal-phone-rating');
    expect(await seriousA11yViolations(portal)).toEqual([]);
    await widget.getByRole('button', { name: 'Send rating' }).click();
    await widget.getByText('Thanks for rating this chat 4 of 5.').waitFor();
    const workItemKey = (await invoke(h, 'conversation.get', { conversationId }, 'agent-ana')).workItemKey as string;
    expect(h.server.holder.sandbox.jira.getIssue(workItemKey)?.fields.labels).toContain('live-chat-rating-4');
    await closePage(portal);

    const item = await h.open({ kind: 'work-item', issueKey: workItemKey }, { as: 'agent-ana' });
    const panel = uiKit(item, 'live-chat-transcript');
    await panel.getByRole('heading', { name: 'Customer rating' }).waitFor();
    await panel.getByText('“Quick and friendly, thanks!”').waitFor();
    await h.screenshot(item, 'issue-panel-rating');
    expect(await seriousA11yViolations(item)).toEqual([]);
    await closePage(item);
  });
});
