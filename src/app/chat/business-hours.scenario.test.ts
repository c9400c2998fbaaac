import { ChatWorld, MINUTE, supportDesk } from '../routing/testing/chat-world';

const nineToFive = [{ start: '09:00', end: '17:00' }];
const BERLIN_WEEKDAYS = {
  timeZone: 'Europe/Berlin',
  week: {
    monday: nineToFive,
    tuesday: nineToFive,
    wednesday: nineToFive,
    thursday: nineToFive,
    friday: nineToFive,
    saturday: [],
    sunday: []
  },
  holidays: ['2026-04-03'],
  closedMessage: 'We are closed right now and back {opening}.'
};
/** Saturday 28 March 2026, 12:00 in Berlin (CET); the next opening is Monday 30 March 09:00 CEST, after the spring-forward change. */
const SATURDAY = Date.parse('2026-03-28T11:00:00Z');
const MONDAY_OPENING = Date.parse('2026-03-30T07:00:00Z');
/** Friday 27 March 2026, 16:50 in Berlin: ten minutes before closing. */
const FRIDAY_LATE = Date.parse('2026-03-27T15:50:00Z');

describe('business hours (H1–H3)', () => {
  let world: ChatWorld;
  afterEach(() => world.close());

  it('H1: a space admin saves business hours; they come back as saved, days in order', async () => {
    world = await supportDesk([], {}, { startAt: SATURDAY });
    const saved = await world.ok<{ businessHours: unknown }>(
      'space.settings.save',
      { projectKey: 'SUP', businessHours: BERLIN_WEEKDAYS },
      'admin-sup',
      'SUP'
    );
    expect(saved.businessHours).toEqual(BERLIN_WEEKDAYS);
    const read = await world.ok<{ businessHours: unknown }>('space.settings.get', { projectKey: 'SUP' }, 'admin-sup', 'SUP');
    expect(read.businessHours).toEqual(BERLIN_WEEKDAYS);
    await world.ok('space.settings.save', { projectKey: 'SUP', businessHours: null }, 'admin-sup', 'SUP');
    expect(
      (await world.ok<{ businessHours: unknown }>('space.settings.get', { projectKey: 'SUP' }, 'admin-sup', 'SUP')).businessHours
    ).toBeNull();
  });

  it('H1: invalid business hours are refused as invalid, naming each field, and nothing is saved', async () => {
    world = await supportDesk([], {}, { startAt: SATURDAY });
    const error = await world.fails(
      'space.settings.save',
      {
        projectKey: 'SUP',
        fallbackMessage: 'Changed',
        businessHours: {
          ...BERLIN_WEEKDAYS,
          timeZone: 'Europe/Atlantis',
          week: { ...BERLIN_WEEKDAYS.week, monday: [{ start: '18:00', end: '09:00' }] }
        }
      },
      'admin-sup',
      'SUP'
    );
    expect(error.code).toBe('invalid');
    expect(Object.keys(error.fields ?? {})).toEqual(['businessHours.timeZone', 'businessHours.week.monday']);
    const read = await world.ok<{ businessHours: unknown; fallbackMessage: string }>(
      'space.settings.get',
      { projectKey: 'SUP' },
      'admin-sup',
      'SUP'
    );
    expect(read.businessHours).toBeNull();
    expect(read.fallbackMessage).not.toBe('Changed');
  });

  it('H1: outside business hours the widget shows the closed notice with the next opening, though no agent is online', async () => {
    world = await supportDesk([], { businessHours: BERLIN_WEEKDAYS }, { startAt: SATURDAY });
    const status = await world.ok('widget.status', { projectKey: 'SUP' }, null, 'SUP');
    expect(status).toEqual({
      visible: true,
      projectKey: 'SUP',
      closed: { message: BERLIN_WEEKDAYS.closedMessage, nextOpeningAt: MONDAY_OPENING, timeZone: 'Europe/Berlin' }
    });
  });

  it('H1: inside business hours the widget follows R22 as before (hidden with nobody available)', async () => {
    world = await supportDesk([], { businessHours: BERLIN_WEEKDAYS }, { startAt: MONDAY_OPENING + MINUTE });
    expect(await world.ok('widget.status', { projectKey: 'SUP' }, null, 'SUP')).toEqual({ visible: false, projectKey: 'SUP' });
  });

  it('H2: no chat starts outside business hours: chat.start is refused with the closed message and no work item is made', async () => {
    world = await supportDesk(['agent-ana'], { businessHours: BERLIN_WEEKDAYS }, { startAt: SATURDAY });
    const before = world.sandbox.jira.listIssues('SUP').length;
    const error = await world.fails('chat.start', { projectKey: 'SUP', summary: 'Printer' }, 'customer-dana', 'SUP');
    expect(error).toMatchObject({ code: 'unavailable', message: 'We are closed right now and back on Monday 30 March at 09:00 CEST.' });
    expect(world.sandbox.jira.listIssues('SUP')).toHaveLength(before);
    expect((await world.me('agent-ana')).offers).toEqual([]);
  });

  it('H2: the Rovo action outside business hours answers the closed message for the AI to pass on, and starts nothing', async () => {
    world = await supportDesk(['agent-ana'], { businessHours: BERLIN_WEEKDAYS }, { startAt: SATURDAY });
    const answer = (await world.sandbox.action(
      'escalate-to-human',
      { projectKey: 'SUP', summary: 'VPN', conversation: 'User: I want a person' },
      'customer-dana'
    )) as { error: { code: string; message: string } };
    expect(answer.error).toEqual({
      code: 'unavailable',
      message: expect.stringContaining('We are closed right now and back on Monday 30 March at 09:00 CEST.')
    });
    expect((await world.me('agent-ana')).offers).toEqual([]);
  });

  it('H3: outside business hours the customer leaves a request: a work item labelled live-chat-after-hours, offered to nobody', async () => {
    world = await supportDesk(['agent-ana'], { businessHours: BERLIN_WEEKDAYS }, { startAt: SATURDAY });
    const left = await world.ok<{ workItemKey: string; nextOpeningAt: number }>(
      'chat.leaveRequest',
      { projectKey: 'SUP', text: 'My VPN drops every hour. Please call me on Monday.' },
      'customer-dana',
      'SUP'
    );
    expect(left.nextOpeningAt).toBe(MONDAY_OPENING);
    const issue = world.sandbox.jira.getIssue(left.workItemKey);
    expect(issue?.fields.labels).toEqual(expect.arrayContaining(['live-chat', 'live-chat-after-hours']));
    expect(issue?.fields.labels).not.toContain('live-chat-missed');
    expect(JSON.stringify(issue?.fields.description)).toContain('My VPN drops every hour.');
    expect(issue?.fields.summary).toContain('My VPN drops every hour.');
    expect(issue?.fields.assignee ?? null).toBeNull();
    expect((await world.me('agent-ana')).offers).toEqual([]);
  });

  it('H3: inside business hours a request is refused (conflict: start a chat); bad text is invalid', async () => {
    world = await supportDesk(['agent-ana'], { businessHours: BERLIN_WEEKDAYS }, { startAt: MONDAY_OPENING + MINUTE });
    expect((await world.fails('chat.leaveRequest', { projectKey: 'SUP', text: 'Hello' }, 'customer-dana', 'SUP')).code).toBe('conflict');
    world.close();
    world = await supportDesk([], { businessHours: BERLIN_WEEKDAYS }, { startAt: SATURDAY });
    const error = await world.fails('chat.leaveRequest', { projectKey: 'SUP', text: '   ' }, 'customer-dana', 'SUP');
    expect(error).toMatchObject({ code: 'invalid', fields: { text: expect.any(String) } });
  });

  it('H3: a holiday is closed: the request can be left on Good Friday at noon', async () => {
    world = await supportDesk([], { businessHours: BERLIN_WEEKDAYS }, { startAt: Date.parse('2026-04-03T10:00:00Z') });
    const status = await world.ok<{ closed?: { nextOpeningAt: number } }>('widget.status', { projectKey: 'SUP' }, null, 'SUP');
    expect(status.closed?.nextOpeningAt).toBe(Date.parse('2026-04-06T07:00:00Z'));
  });

  it('H2: a chat waiting at closing time is not offered after closing; Time to assign ends it with the fallback (R12)', async () => {
    world = await supportDesk(['agent-ana'], { businessHours: BERLIN_WEEKDAYS, timeToAssignMinutes: 30 }, { startAt: FRIDAY_LATE });
    await world.setMaximum(1);
    const first = await world.start('SUP', world.customer(1));
    await world.ok('offer.accept', { conversationId: first.conversationId }, 'agent-ana');
    const second = await world.start('SUP', world.customer(2));
    expect(second.status).toBe('waiting');
    await world.advance(15 * MINUTE); // 17:05: closed
    await world.ok('conversation.resolve', { conversationId: first.conversationId }, 'agent-ana');
    await world.settle();
    expect((await world.chat(second)).status).toBe('waiting');
    expect((await world.me('agent-ana')).offers).toEqual([]);
    await world.advance(16 * MINUTE);
    const ended = await world.chat(second);
    expect(ended).toMatchObject({ status: 'missed', fallback: expect.stringContaining(second.workItemKey) });
  });
});
