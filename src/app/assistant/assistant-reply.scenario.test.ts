import { ChatWorld } from '../routing/testing/chat-world';
import { deliverSpaceCreated } from '../spaces/testing/space-events';
import { escalationSummary, SUMMARY_MAX_CHARS } from './assistant-reply';

/** R23: the widget's AI turn (`assistant.reply`), through Forge LLMs (the sandbox's stand-in model). */
const reply = (world: ChatWorld, transcript: unknown, as: string | null = null, projectKey = 'SUP') =>
  world.call('assistant.reply', { projectKey, transcript }, as, projectKey);

describe('R23: the widget’s AI', () => {
  let world: ChatWorld;
  beforeEach(async () => {
    world = new ChatWorld();
    await deliverSpaceCreated(world.sandbox, 'SUP');
    await world.setUpSupport();
  });
  afterEach(() => world.close());

  it('R23: answers what it can, without escalating, for anonymous visitors too', async () => {
    const answer = await reply(world, [{ from: 'customer', text: 'How do I reset my password?' }]);
    expect(answer).toEqual({ text: expect.stringContaining('Forgot password'), escalate: false });
    expect(world.sandbox.meter.snapshot().byDetail['llm.calls claude-haiku-4-5-20251001']).toBe(1);
  });

  it('R23: asking for a person makes the AI escalate, with its summary of the need', async () => {
    const answer = await reply(
      world,
      [
        { from: 'ai', text: 'Hello! How can I help?' },
        { from: 'customer', text: 'My monitor flickers' },
        { from: 'ai', text: 'Could you tell me more?' },
        { from: 'customer', text: 'I want to talk to a human please' }
      ],
      'customer-dana'
    );
    expect(answer).toMatchObject({ escalate: true, text: expect.any(String), summary: expect.any(String) });
  });

  it('R23, R15: the escalation carries the tool’s summary argument, which chat.start takes as the work item’s summary', async () => {
    const transcript = [
      { from: 'customer', text: 'My monitor flickers green' },
      { from: 'ai', text: 'Could you tell me more?' },
      { from: 'customer', text: 'Can I talk to a person please' }
    ];
    const answer = (await reply(world, transcript, 'customer-dana')) as { text: string; escalate: boolean; summary: string };
    // The stand-in model's summary argument: the first turn it could not answer.
    expect(answer).toEqual({ text: expect.any(String), escalate: true, summary: 'My monitor flickers green' });
    // What the widget does next (static/portal-widget: handoff(summary)).
    const started = await world.ok<{ workItemKey: string }>(
      'chat.start',
      { projectKey: 'SUP', summary: answer.summary, transcript: [...transcript, { from: 'ai', text: answer.text }] },
      'customer-dana',
      'SUP'
    );
    expect(world.sandbox.jira.getIssue(started.workItemKey)?.fields.summary).toBe('My monitor flickers green');
  });

  it('R15: a summary argument is one line that chat.start accepts, whatever the model wrote', () => {
    expect(escalationSummary('  Printer\n  jams   on tray 2 ')).toBe('Printer jams on tray 2');
    expect(escalationSummary('   ')).toBeUndefined();
    expect(escalationSummary(42)).toBeUndefined();
    const long = escalationSummary('😀'.repeat(300)) as string;
    expect(long.length).toBeLessThanOrEqual(SUMMARY_MAX_CHARS);
    expect(long.endsWith('😀…')).toBe(true);
  });

  it('R23: when the AI cannot help twice, it escalates on its own', async () => {
    const answer = await reply(world, [
      { from: 'customer', text: 'My monitor flickers' },
      { from: 'ai', text: 'Could you tell me more?' },
      { from: 'customer', text: 'It flickers green every few seconds' }
    ]);
    expect(answer).toMatchObject({ escalate: true });
  });

  it('R23: there is no assistant where live chat is off', async () => {
    expect(
      (await world.fails('assistant.reply', { projectKey: 'HR', transcript: [{ from: 'customer', text: 'hi' }] }, null, 'HR')).code
    ).toBe('unavailable');
    expect(world.sandbox.meter.snapshot()['llm.calls']).toBe(0);
  });

  it('R23: a busy model is a typed error the widget can offer a person for', async () => {
    world.sandbox.faults.set([{ target: 'llm', kind: 'http429', times: 1 }]);
    expect((await reply(world, [{ from: 'customer', text: 'hello' }])) as unknown).toEqual({
      error: { code: 'rate_limited', message: expect.stringContaining('person') }
    });
  });

  it.each([
    ['no turns', []],
    [
      'the AI speaking last',
      [
        { from: 'customer', text: 'hi' },
        { from: 'ai', text: 'Hello' }
      ]
    ],
    ['an empty message', [{ from: 'customer', text: '   ' }]],
    ['a message of 4,001 characters', [{ from: 'customer', text: 'x'.repeat(4_001) }]],
    ['an unknown speaker', [{ from: 'agent', text: 'hi' }]],
    ['41 turns', Array.from({ length: 41 }, (_, i) => ({ from: i % 2 === 0 ? 'customer' : 'ai', text: 'hi' }))],
    ['a turn with extra fields', [{ from: 'customer', text: 'hi', html: '<b>hi</b>' }]],
    ['a transcript that is not a list', 'hello']
  ])('R29: %s is refused as invalid, naming the field, and the model is not asked', async (_case, transcript) => {
    const answer = (await reply(world, transcript)) as { error: { code: string; fields: Record<string, string> } };
    expect(answer.error.code).toBe('invalid');
    expect(Object.keys(answer.error.fields)[0]).toMatch(/^transcript/);
    expect(world.sandbox.meter.snapshot()['llm.calls']).toBe(0);
  });
});
