import { ChatWorld, MINUTE, SECOND, supportDesk, type Answer } from '../routing/testing/chat-world';
import { CHAT_START_LIMITS } from './start-chat-within-limit';

/**
 * Every chat start creates a work item (R15), so a visitor flooding `chat.start` would flood
 * the space's queue: a signed-in customer may start 5 chats in 10 minutes, a space's
 * anonymous visitors 20 together. Beyond that, `rate_limited`, and nothing is created (R29).
 */
describe('the chat start limit', () => {
  let world: ChatWorld;
  afterEach(() => world.close());

  const start = (as: string | null, projectKey = 'SUP') => world.call('chat.start', { projectKey, summary: 'Help' }, as, projectKey);
  const code = (answer: Answer) => (answer.error as { code?: string } | undefined)?.code ?? 'started';
  const issues = () => world.sandbox.jira.listIssues().length;

  it('R29, R15: a customer may start 5 chats in 10 minutes; the 6th is rate_limited, creates nothing, and says when to try again', async () => {
    world = await supportDesk([]);
    expect(CHAT_START_LIMITS.customer).toEqual({ starts: 5, windowMs: 10 * MINUTE });
    for (let i = 0; i < 5; i += 1) {
      expect(code(await start('customer-dana'))).toBe('started');
      await world.advance(MINUTE);
    }
    const before = world.everything();
    expect(await world.fails('chat.start', { projectKey: 'SUP' }, 'customer-dana', 'SUP')).toEqual({
      code: 'rate_limited',
      message: expect.stringContaining('try again in 5 minutes')
    });
    expect(world.everything()).toBe(before);
    // Another customer is not held back by Dana.
    expect(code(await start('customer-eli'))).toBe('started');
    // The window slides: Dana's first start is 10 minutes old a little later.
    await world.advance(5 * MINUTE);
    expect(code(await start('customer-dana'))).toBe('started');
    expect(code(await start('customer-dana'))).toBe('rate_limited');
  });

  it('R29: anonymous visitors share 20 starts per space in 10 minutes; other spaces and signed-in customers are not held back', async () => {
    world = await supportDesk([]);
    await world.setUpHr();
    expect(CHAT_START_LIMITS.anonymous).toEqual({ starts: 20, windowMs: 10 * MINUTE });
    for (let i = 0; i < 20; i += 1) expect(code(await start(null))).toBe('started');
    const before = issues();
    expect(code(await start(null))).toBe('rate_limited');
    expect(issues()).toBe(before);
    expect(code(await start(null, 'HR'))).toBe('started');
    expect(code(await start('customer-dana'))).toBe('started');
    await world.advance(10 * MINUTE);
    expect(code(await start(null))).toBe('started');
  });

  it('R29: racing starts of one customer never overfill the window', async () => {
    world = await supportDesk(['agent-ana', 'agent-ben']);
    const answers = await Promise.all(Array.from({ length: 12 }, () => start('customer-dana')));
    const codes = answers.map(code);
    expect(codes.filter((c) => c === 'started')).toHaveLength(5);
    expect(codes.filter((c) => c !== 'started').every((c) => c === 'rate_limited')).toBe(true);
    expect(world.sandbox.jira.listIssues('SUP')).toHaveLength(5);
  });

  it('R29: a start refused before its work item exists costs no place: not for a space that is off, nor when Jira is busy', async () => {
    world = await supportDesk([]);
    for (let i = 0; i < 6; i += 1) expect(code(await start('customer-dana', 'HR'))).toBe('unavailable'); // HR: live chat off
    world.sandbox.faults.set([{ target: 'jira', kind: 'http429', match: 'POST /rest/servicedeskapi/request', times: 3 }]);
    for (let i = 0; i < 3; i += 1) expect(code(await start('customer-dana'))).toBe('unavailable');
    await world.advance(10 * SECOND);
    for (let i = 0; i < 5; i += 1) expect(code(await start('customer-dana'))).toBe('started');
    expect(code(await start('customer-dana'))).toBe('rate_limited');
    expect(world.sandbox.jira.listIssues('SUP')).toHaveLength(5);
  });
});
