import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startServer } from './server';

/** `npm start` keeps its data across a restart: the fake site, the app's storage and the time. */
describe('restarting the sandbox server', () => {
  it('finds the work items, the stored data and the virtual time it had, and a reset starts over', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sandbox-data-'));
    const raise = (url: string) =>
      fetch(`${url}/jira/rest/servicedeskapi/request`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'X-Sandbox-User': 'customer-dana' },
        body: JSON.stringify({
          serviceDeskId: '2',
          requestTypeId: '10',
          requestFieldValues: { summary: 'Printer on fire', description: 'Smoke.' }
        })
      });
    const first = await startServer({ port: 0, dataDir, realTime: false });
    expect((await raise(first.url)).status).toBe(201);
    await first.holder.advance(3_600_000);
    const before = first.holder.sandbox.clock.now();
    await first.close();

    const second = await startServer({ port: 0, dataDir, realTime: false });
    try {
      expect(second.holder.sandbox.clock.now()).toBe(before);
      const issue = await fetch(`${second.url}/jira/rest/api/3/issue/SUP-1`, { headers: { 'X-Sandbox-User': 'agent-ana' } });
      expect(issue.status).toBe(200);
      expect((await raise(second.url)).status).toBe(201);
      expect(second.holder.sandbox.jira.getIssue('SUP-2')).toBeDefined();

      await second.holder.reset('demo');
      expect(second.holder.sandbox.jira.getIssue('SUP-1')).toBeUndefined();
      expect(second.holder.sandbox.clock.now()).toBeGreaterThanOrEqual(before);
    } finally {
      await second.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
