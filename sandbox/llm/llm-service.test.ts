import { SandboxClock } from '../runtime/clock';
import { FaultInjector } from '../runtime/faults';
import { ForgeSeam } from '../runtime/forge-seam';
import { runInInvocation } from '../runtime/invocation-context';
import { UsageMeter } from '../runtime/usage-meter';
import { createLlmService } from './llm-service';

// Contract tests: the real @forge/llm SDK against the sandbox's LLM service.
type ForgeLlm = typeof import('@forge/llm');
type Prompt = Parameters<ForgeLlm['chat']>[0];

const HAIKU = 'claude-haiku-4-5-20251001';
const SONNET = 'claude-sonnet-4-5-20250929';
const escalate = {
  type: 'function' as const,
  function: {
    name: 'escalate_to_human',
    description: 'Hand the conversation to a human support agent.',
    parameters: { type: 'object', properties: { summary: { type: 'string' }, conversation: { type: 'string' } }, required: ['summary'] }
  }
};
const lookup = {
  type: 'function' as const,
  function: { name: 'lookup_order', description: 'Find an order by number.', parameters: { type: 'object', properties: {} } }
};

function setup() {
  const clock = new SandboxClock();
  const meter = new UsageMeter();
  const faults = new FaultInjector();
  const seam = new ForgeSeam(clock);
  createLlmService({ clock, meter, faults }).register(seam);
  seam.install();
  // @forge/llm reads the runtime when it is imported, so it can only be loaded inside an invocation.
  const withLlm = <T>(fn: (llm: ForgeLlm) => Promise<T>) =>
    runInInvocation(
      { functionKey: 'resolver', moduleKey: 'chat-widget', startedAt: clock.now(), timeoutMs: 25_000, license: undefined },
      async () => fn(await import('@forge/llm'))
    );
  const ask = (prompt: Omit<Prompt, 'model'> & { model?: string }) => withLlm((llm) => llm.chat({ model: HAIKU, ...prompt }));
  return { clock, meter, faults, withLlm, ask };
}

const user = (content: string) => ({ role: 'user' as const, content });
const firstText = (response: Awaited<ReturnType<ForgeLlm['chat']>>) => {
  const content = response.choices[0].message.content;
  return typeof content === 'string' ? content : content[0].text;
};

describe('the stand-in model', () => {
  it.each([
    ['How do I reset my password?', /Forgot password/],
    ['My VPN will not connect', /VPN client/],
    ['What are your opening hours?', /Monday to Friday/]
  ])('answers %s with the canned help', async (question, expected) => {
    const { ask, meter } = setup();
    const response = await ask({ messages: [{ role: 'system', content: 'You are a support agent.' }, user(question)], tools: [escalate] });
    expect(firstText(response)).toMatch(expected);
    expect(response.choices[0]).toMatchObject({ finish_reason: 'end_turn', message: { role: 'assistant' } });
    expect(response.choices[0].message.tool_calls).toBeUndefined();
    expect(response.usage).toEqual({
      input_tokens: expect.any(Number),
      output_tokens: expect.any(Number),
      total_tokens: expect.any(Number)
    });
    expect(meter.snapshot()['llm.calls']).toBe(1);
  });

  it.each(['Can I talk to a human?', 'I want an agent', 'real person please', 'let me speak to a representative'])(
    'calls the escalation tool when asked: %s',
    async (question) => {
      const { ask } = setup();
      const response = await ask({
        messages: [user('My VPN is broken'), { role: 'assistant', content: 'Try restarting.' }, user(question)],
        tools: [lookup, escalate]
      });
      const [call] = response.choices[0].message.tool_calls ?? [];
      expect(response.choices[0].finish_reason).toBe('tool_use');
      expect(call).toMatchObject({
        type: 'function',
        index: 0,
        id: expect.stringMatching(/^tooluse_/),
        function: { name: 'escalate_to_human' }
      });
      expect(call.function.arguments).toEqual({ summary: question, conversation: expect.stringContaining('Customer: My VPN is broken') });
    }
  );

  it('escalates after two turns it cannot help with, not after one', async () => {
    const { ask } = setup();
    const once = await ask({ messages: [user('My printer prints blank pages')], tools: [escalate] });
    expect(firstText(once)).toMatch(/not sure/);
    const twice = await ask({
      messages: [user('My printer prints blank pages'), { role: 'assistant', content: firstText(once) }, user('It is a LaserJet 4')],
      tools: [escalate]
    });
    expect(twice.choices[0].message.tool_calls?.[0].function).toEqual({
      name: 'escalate_to_human',
      arguments: expect.objectContaining({ summary: 'My printer prints blank pages' })
    });
  });

  it('honours tool_choice', async () => {
    const { ask } = setup();
    const none = await ask({ messages: [user('talk to a human')], tools: [escalate], tool_choice: 'none' });
    expect(none.choices[0].message.tool_calls).toBeUndefined();
    expect(firstText(none)).toMatch(/connect you with a person/);
    const named = await ask({
      messages: [user('What are your opening hours?')],
      tools: [lookup, escalate],
      tool_choice: { type: 'function', function: { name: 'lookup_order' } }
    });
    expect(named.choices[0].message.tool_calls?.[0].function.name).toBe('lookup_order');
  });

  it('confirms the handoff once the tool result comes back, and ignores "agent" in the system prompt', async () => {
    const { ask } = setup();
    const after = await ask({
      messages: [
        user('human please'),
        { role: 'assistant', content: 'Connecting.' },
        { role: 'tool', content: '{"chatUrl":"..."}', tool_call_id: 'tooluse_x' }
      ],
      tools: [escalate]
    });
    expect(firstText(after)).toMatch(/A person will join/);
    const system = await ask({
      messages: [{ role: 'system', content: 'Escalate to a human agent when asked.' }, user('hello')],
      tools: [escalate]
    });
    expect(system.choices[0].message.tool_calls).toBeUndefined();
  });

  it('streams the reply as chunks the SDK parses', async () => {
    const { withLlm } = setup();
    const chunks = await withLlm(async (llm) => {
      const seen: unknown[] = [];
      for await (const chunk of await llm.stream({ model: HAIKU, messages: [user('opening hours?')] })) seen.push(chunk);
      return seen;
    });
    expect(chunks).toEqual([expect.objectContaining({ choices: [expect.objectContaining({ finish_reason: 'end_turn' })] })]);
  });
});

describe('Forge LLM limits and errors', () => {
  it('lists the supported models', async () => {
    const { withLlm } = setup();
    const { models } = await withLlm((llm) => llm.list());
    expect(models).toContainEqual({ model: HAIKU, status: 'active' });
  });

  it('refuses an unknown model', async () => {
    const { ask } = setup();
    await expect(ask({ model: 'gpt-4o', messages: [user('hi')] })).rejects.toMatchObject({
      name: 'ForgeLlmAPIError',
      status: 400,
      code: 'INVALID_MODEL'
    });
  });

  it("refuses a prompt beyond the model's context window or output limit", async () => {
    const { ask } = setup();
    await expect(ask({ messages: [user('x'.repeat(200_001 * 4))] })).rejects.toMatchObject({
      status: 400,
      code: 'CONTEXT_LENGTH_EXCEEDED'
    });
    await expect(ask({ messages: [user('x'.repeat(199_000 * 4))] })).resolves.toHaveProperty('choices');
    await expect(ask({ messages: [user('hi')], max_completion_tokens: 64_001 })).rejects.toMatchObject({
      status: 400,
      code: 'INVALID_REQUEST'
    });
  });

  it('the SDK still validates before sending', async () => {
    const { ask } = setup();
    await expect(ask({ messages: [user('hi')], temperature: 2 })).rejects.toMatchObject({ name: 'PromptValidationError' });
  });

  it('allows 100 requests a minute per installation', async () => {
    const { ask, clock } = setup();
    for (let i = 0; i < 100; i += 1) await ask({ messages: [user('hello')] });
    await expect(ask({ messages: [user('hello')] })).rejects.toMatchObject({ status: 429, code: 'RATE_LIMIT_EXCEEDED' });
    await clock.advance(60_000);
    await expect(ask({ messages: [user('hello')] })).resolves.toHaveProperty('choices');
  });

  it('allows 500,000 tokens a minute per installation', async () => {
    const { ask } = setup();
    const big = [user('x'.repeat(150_000 * 4))];
    for (let i = 0; i < 3; i += 1) await ask({ model: SONNET, messages: big });
    await expect(ask({ model: SONNET, messages: big })).rejects.toMatchObject({ status: 429, code: 'RATE_LIMIT_EXCEEDED' });
  });

  it('answers injected failures with the status the SDK reports', async () => {
    const { ask, faults } = setup();
    faults.set([
      { target: 'llm', kind: 'http5xx', times: 1 },
      { target: 'llm', kind: 'http429', match: HAIKU, times: 1 }
    ]);
    await expect(ask({ messages: [user('hi')] })).rejects.toMatchObject({ status: 500 });
    await expect(ask({ messages: [user('hi')] })).rejects.toMatchObject({ status: 429 });
    await expect(ask({ messages: [user('hi')] })).resolves.toHaveProperty('choices');
  });
});
