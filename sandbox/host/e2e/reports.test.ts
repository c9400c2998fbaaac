import { seriousA11yViolations } from '../testing/axe';
import { describeInBrowser, uiKit } from '../testing/browser-harness';
import { closePage, expectCount, invoke } from './steps';
import { useHostHarness } from './setup';

// The reports (RP1–RP5) in Chromium, on the demo site: once a chat is completed and rated, and
// another missed, the space admin's reports on the space settings page and the site admin's on
// the Jira admin page show the day's chats, with UI Kit's charts and the CSV export.
jest.setTimeout(90_000);

const h = useHostHarness();

const SECOND = 1_000;
const DAY = 24 * 3_600_000;

/** A chat the customer starts on SUP's portal (through the operations the widget calls): its id and secret. */
async function startChat(customer: string): Promise<{ conversationId: string; token: string; status: string }> {
  const answer = await invoke(h, 'chat.start', { projectKey: 'SUP', summary: 'VPN does not connect', transcript: [] }, customer, 'SUP');
  return answer as unknown as { conversationId: string; token: string; status: string };
}

async function available(agent: string): Promise<void> {
  await invoke(h, 'agent.heartbeat', {}, agent);
  await invoke(h, 'agent.setStatus', { status: 'available' }, agent);
}

/** Ana takes Dana's chat `acceptAfter` ms after it was asked for and replies `replyAfter` ms later; returns the running chat. */
async function acceptedChat(acceptAfter: number, replyAfter: number): Promise<{ conversationId: string; token: string }> {
  await available('agent-ana');
  const chat = await startChat('customer-dana');
  expect(chat.status).toBe('offered');
  await h.server.holder.advance(acceptAfter);
  await invoke(h, 'agent.heartbeat', {}, 'agent-ana');
  await invoke(h, 'offer.accept', { conversationId: chat.conversationId }, 'agent-ana');
  await h.server.holder.advance(replyAfter);
  await invoke(
    h,
    'conversation.send',
    { conversationId: chat.conversationId, text: 'Hi Dana, Ana here: restart the VPN client.' },
    'agent-ana'
  );
  return chat;
}

async function resolveAndRate(chat: { conversationId: string; token: string }, stars: number): Promise<void> {
  await invoke(h, 'conversation.resolve', { conversationId: chat.conversationId }, 'agent-ana');
  expect(
    await invoke(h, 'chat.rate', { conversationId: chat.conversationId, token: chat.token, stars }, 'customer-dana', 'SUP')
  ).toMatchObject({ stars });
}

/** Nobody Available: Eli's chat is missed at once (R10). */
async function missedChat(): Promise<void> {
  await invoke(h, 'agent.setStatus', { status: 'offline' }, 'agent-ana');
  expect(await startChat('customer-eli')).toMatchObject({ status: 'missed' });
}

describeInBrowser('reports', () => {
  it('RP1–RP5: the space admin’s report shows the day’s chats once a chat is completed, with charts, agents and the CSV', async () => {
    const running = await acceptedChat(40 * SECOND, 20 * SECOND);
    const page = await h.open({ kind: 'space-settings', projectKey: 'SUP' }, { as: 'admin-sup' });
    const settings = uiKit(page, 'live-chat-space-settings');
    // RP1: a running chat is not counted yet.
    await settings.getByText('0 chats in the last 7 days (UTC days).', { exact: false }).waitFor();
    await resolveAndRate(running, 4);
    await missedChat();
    await settings.getByRole('button', { name: 'Reload report' }).click();
    await settings.getByRole('heading', { name: 'Reports' }).waitFor();
    await settings.getByText('2 chats in the last 7 days (UTC days), 50% missed or expired.', { exact: false }).waitFor();
    // UI Kit's charts, drawn by the host with a summary for screen readers.
    await expectCount(settings.locator('figure[data-ui-kit-chart="BarChart"]'), 1);
    await expectCount(settings.locator('figure[data-ui-kit-chart="LineChart"]'), 1);
    await settings.getByRole('img', { name: /^Chats per day: .*Chats 2, Missed or expired 1/ }).waitFor();
    const agents = settings.getByRole('table', { name: 'Per agent' });
    await agents.getByRole('row', { name: /Ana Souza\s+1\s+1\s+0\s+≤ 45 s \/ ≤ 45 s\s+≤ 20 s \/ ≤ 20 s\s+4\.0 \(1\)/ }).waitFor();

    await settings.getByRole('button', { name: 'Last 30 days' }).click();
    await settings.getByText('2 chats in the last 30 days (UTC days)', { exact: false }).waitFor();
    await settings.getByRole('button', { name: 'Export CSV' }).click();
    await settings.getByRole('code').getByText('row,space,agent,day,chats', { exact: false }).waitFor();
    await settings.getByRole('code').getByText('agent,,Ana Souza,', { exact: false }).waitFor();
    expect(await seriousA11yViolations(page)).toEqual([]);
    await closePage(page);
  });

  it('RP1, R28: the site admin’s report adds up the days and spaces, per space and agent; a space admin cannot read it', async () => {
    // Three days of chats: the day before yesterday, yesterday and today (UTC days of the sandbox's clock).
    await resolveAndRate(await acceptedChat(40 * SECOND, 90 * SECOND), 5);
    await missedChat();
    await h.server.holder.advance(DAY);
    await resolveAndRate(await acceptedChat(100 * SECOND, 30 * SECOND), 3);
    await h.server.holder.advance(DAY);
    await resolveAndRate(await acceptedChat(20 * SECOND, 15 * SECOND), 4);
    await missedChat();
    const page = await h.open({ kind: 'admin' }, { as: 'admin' });
    const admin = uiKit(page, 'live-chat-admin');
    await admin.getByRole('heading', { name: 'Reports' }).waitFor();
    await admin.getByText('5 chats in the last 7 days (UTC days), 40% missed or expired.', { exact: false }).waitFor();
    await admin
      .getByRole('table', { name: 'Per space' })
      .getByRole('row', { name: /Support \(SUP\)\s+5\s+40%/ })
      .waitFor();
    // Accepted after 20 s, 40 s and 100 s: the median's bucket ends at 45 s, the p90's at 120 s (RP3).
    await admin
      .getByRole('table', { name: 'Per agent' })
      .getByRole('row', { name: /Ana Souza\s+3\s+3\s+0\s+≤ 45 s \/ ≤ 2 min\s+≤ 30 s \/ ≤ 1\.5 min\s+4\.0 \(3\)/ })
      .waitFor();
    await h.screenshot(page, 'reports');
    expect(await seriousA11yViolations(page)).toEqual([]);
    await closePage(page);
    expect(await invoke(h, 'site.report', { days: 7 }, 'admin-sup')).toMatchObject({ error: { code: 'forbidden' } });
  });
});
