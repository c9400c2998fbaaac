import { SandboxClock } from '../runtime/clock';
import { FaultInjector } from '../runtime/faults';
import { UsageMeter } from '../runtime/usage-meter';
import { createJiraSite } from './jira-site';

/** `npm start` saves the site and restores it after a restart: nothing may be lost or renumbered. */
describe('a saved fake Jira site', () => {
  const services = () => ({ clock: new SandboxClock(), meter: new UsageMeter(), faults: new FaultInjector() });

  it('restores its work items, comments and counters exactly', async () => {
    const site = createJiraSite(services());
    const raise = (summary: string) =>
      site.handleJiraHttp(
        'POST',
        '/rest/servicedeskapi/request',
        '',
        { serviceDeskId: '2', requestTypeId: '10', requestFieldValues: { summary, description: 'From the portal.' } },
        'customer-dana'
      );
    expect((await raise('Printer on fire')).status).toBe(201);
    const comment = await site.handleJiraHttp(
      'POST',
      '/rest/servicedeskapi/request/SUP-1/comment',
      '',
      { body: 'Looking now.', public: true },
      'agent-ana'
    );
    expect(comment.status).toBe(201);

    const restored = createJiraSite({ ...services(), snapshot: JSON.parse(JSON.stringify(site.snapshot())) });
    expect(restored.getIssue('SUP-1')).toEqual(site.getIssue('SUP-1'));
    expect(restored.comments('SUP-1')).toEqual(site.comments('SUP-1'));
    expect(restored.user('customer-dana')).toEqual(site.user('customer-dana'));

    // The next work item continues the numbering instead of reusing SUP-1.
    const next = await restored.handleJiraHttp(
      'POST',
      '/rest/servicedeskapi/request',
      '',
      { serviceDeskId: '2', requestTypeId: '10', requestFieldValues: { summary: 'VPN down', description: 'Since this morning.' } },
      'customer-eli'
    );
    expect(next.body).toEqual(expect.objectContaining({ issueKey: 'SUP-2' }));
  });
});
