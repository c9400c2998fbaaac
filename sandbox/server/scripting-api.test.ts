import { startServer, type RunningServer } from './server';

/** Drives the sandbox server as a real client would: over HTTP, JSON in and out. */
describe('the sandbox scripting API over HTTP', () => {
  let server: RunningServer;

  beforeAll(async () => {
    server = await startServer({ port: 0, realTime: false });
  });

  afterAll(async () => {
    await server.close();
  });

  const post = async (path: string, body: unknown) => {
    const res = await fetch(`${server.url}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body)
    });
    return { status: res.status, body: (await res.json()) as Record<string, unknown> };
  };
  const get = async (path: string, headers: Record<string, string> = {}) => {
    const res = await fetch(`${server.url}${path}`, { headers });
    return { status: res.status, body: (await res.json()) as Record<string, unknown> };
  };

  it('resets to the demo site, runs a resolver operation as a user, moves virtual time and meters the usage', async () => {
    const reset = await post('/api/reset', { fixture: 'demo' });
    expect(reset.status).toBe(200);
    const start = reset.body.now as number;

    expect((await post('/api/usage/reset', {})).body['invocations.resolver']).toBe(0);
    const invoked = await post('/api/invoke', { operation: 'site.settings.get', payload: {}, as: 'admin' });
    expect(invoked.status).toBe(200);
    expect(invoked.body).toEqual({ maxConversations: 3, licenseActive: true, notice: null });
    // The same operation as someone who is not a site admin: the resolver's own refusal (R28).
    expect((await post('/api/invoke', { operation: 'site.settings.get', payload: {}, as: 'agent-ana' })).body).toEqual({
      error: { code: 'forbidden', message: expect.any(String) }
    });

    const advanced = await post('/api/clock/advance', { ms: 20 * 60_000 });
    expect(advanced.body.now).toBe(start + 20 * 60_000);
    // The 5-minute sweep ran four times in those 20 virtual minutes.
    const usage = await get('/api/usage');
    expect(usage.body['invocations.resolver']).toBe(2);
    expect((usage.body.byDetail as Record<string, number>)['invocations.resolver site.settings.get']).toBe(2);
    expect(usage.body['invocations.scheduledTrigger']).toBe(4);

    const settled = await post('/api/settle', {});
    expect(settled.body).toEqual({ now: start + 20 * 60_000, pendingEvents: 0 });
  });

  it('serves the fake Jira as the user in X-Sandbox-User', async () => {
    const me = await get('/jira/rest/api/3/myself', { 'X-Sandbox-User': 'agent-ana' });
    expect(me.status).toBe(200);
    expect(me.body).toEqual(expect.objectContaining({ accountId: 'agent-ana', displayName: 'Ana Souza' }));
    expect((await get('/jira/rest/api/3/issue/SUP-999', { 'X-Sandbox-User': 'agent-ana' })).status).toBe(404);
  });

  it('refuses a malformed scripting call with 400 and changes nothing', async () => {
    const before = (await get('/api/usage')).body;
    for (const [path, body] of [
      ['/api/invoke', { operation: 'no.such.operation', payload: {}, as: 'admin' }],
      ['/api/invoke', { operation: 'site.settings.get', payload: 'not an object', as: 'admin' }],
      ['/api/clock/advance', { ms: -5 }],
      ['/api/reset', { fixture: 'nope' }],
      ['/api/faults', { rules: [{ target: 'jira', kind: 'explode' }] }]
    ] as const) {
      const answer = await post(path, body);
      expect(answer.status).toBe(400);
      expect(answer.body).toEqual({ error: { code: 'invalid', message: expect.any(String) } });
    }
    expect((await get('/api/usage')).body).toEqual(before);
  });

  it('injects faults into the fake Jira on request', async () => {
    expect((await post('/api/faults', { rules: [{ target: 'jira', kind: 'http429', times: 1 }] })).status).toBe(200);
    const limited = await fetch(`${server.url}/jira/rest/api/3/myself`, { headers: { 'X-Sandbox-User': 'agent-ana' } });
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toMatch(/^\d+$/);
    expect((await get('/jira/rest/api/3/myself', { 'X-Sandbox-User': 'agent-ana' })).status).toBe(200);
  });
});
