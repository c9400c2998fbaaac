import { SUPPORT_TEAM_ID } from '../../../sandbox/jira/demo-site';
import { ChatWorld, SECOND, type StartedChat } from '../routing/testing/chat-world';
import { deliverSpaceCreated } from '../spaces/testing/space-events';

/** R16: only routing assigns a chat's work item, while the chat runs. */
async function supportWithTeam(agents: readonly string[]): Promise<ChatWorld> {
  const world = new ChatWorld();
  await deliverSpaceCreated(world.sandbox, 'SUP');
  await world.setUpSupport({ teamId: SUPPORT_TEAM_ID });
  for (const agentId of agents) await world.goOnline(agentId);
  return world;
}

const notes = (world: ChatWorld, key: string) =>
  world.sandbox.jira
    .comments(key)
    .filter((c) => !c.jsdPublic)
    .map((c) => JSON.stringify(c.body));
const assigneeChanges = (world: ChatWorld, key: string) =>
  (world.sandbox.jira.getIssue(key)?.changelog ?? []).filter((entry) => entry.items.some((item) => item.fieldId === 'assignee'));

describe('R16: the assignee of a running chat’s work item', () => {
  let world: ChatWorld;
  afterEach(() => world.close());

  async function acceptedBy(agentId: string): Promise<StartedChat> {
    const started = await world.start();
    await world.ok('offer.accept', { conversationId: started.conversationId }, agentId);
    await world.settle();
    return started;
  }

  it('R16: an Automation rule changing the assignee while the chat runs is undone, and the work item says so once', async () => {
    world = await supportWithTeam(['agent-ana']);
    const started = await acceptedBy('agent-ana');
    world.sandbox.jira.editIssueAsAutomation(started.workItemKey, { assignee: 'agent-ben' });
    await world.advance(30 * SECOND);
    expect(world.sandbox.jira.getIssue(started.workItemKey)?.fields.assignee).toBe('agent-ana');
    const recorded = notes(world, started.workItemKey).filter((note) => note.includes('Only live chat routing assigns'));
    expect(recorded).toHaveLength(1);
    expect(recorded[0]).toContain('Ben Carter');
    expect(recorded[0]).toContain('Automation for Jira');
    expect(recorded[0]).toContain('Ana Souza');
  });

  it('R16: the same change delivered twice at once puts the assignee back once and writes one note', async () => {
    world = await supportWithTeam(['agent-ana']);
    const started = await acceptedBy('agent-ana');
    // What Jira sends for an assignee change by Automation (delivered at least once).
    const hijack = async () => {
      world.sandbox.jira.editIssueAsAutomation(started.workItemKey, { assignee: 'agent-chen' });
      const issue = world.sandbox.jira.getIssue(started.workItemKey);
      const entry = issue?.changelog[issue.changelog.length - 1];
      return {
        atlassianId: world.sandbox.jira.automationAccountId,
        issue: { id: issue?.id, key: started.workItemKey, fields: { labels: issue?.fields.labels } },
        changelog: { id: entry?.id, items: entry?.items }
      };
    };
    const event = await hijack();
    await Promise.all([1, 2, 3].map(() => world.sandbox.host.fireProductEvent('avi:jira:updated:issue', event)));
    await world.advance(30 * SECOND);
    expect(world.sandbox.jira.getIssue(started.workItemKey)?.fields.assignee).toBe('agent-ana');
    expect(notes(world, started.workItemKey).filter((note) => note.includes('Only live chat routing assigns'))).toHaveLength(1);
  });

  it('R16: someone assigning the work item before an agent accepted is undone (routing has assigned nobody yet)', async () => {
    world = await supportWithTeam(['agent-ana']);
    const started = await world.start();
    world.sandbox.jira.editIssueAsAutomation(started.workItemKey, { assignee: 'agent-chen' }, 'admin-sup');
    await world.settle();
    expect(world.sandbox.jira.getIssue(started.workItemKey)?.fields.assignee).toBeNull();
    expect(notes(world, started.workItemKey).join()).toContain('Priya Shah');
  });

  it('R16: the app’s own assignment (R7) is left alone and records nothing', async () => {
    world = await supportWithTeam(['agent-ana']);
    const started = await acceptedBy('agent-ana');
    await world.advance(30 * SECOND);
    expect(assigneeChanges(world, started.workItemKey)).toHaveLength(1);
    expect(notes(world, started.workItemKey)).toEqual([]);
  });

  it('R16: once the chat has ended, the work item is the team’s to reassign', async () => {
    world = await supportWithTeam(['agent-ana']);
    const started = await acceptedBy('agent-ana');
    await world.ok('conversation.resolve', { conversationId: started.conversationId }, 'agent-ana');
    await world.settle();
    world.sandbox.jira.editIssueAsAutomation(started.workItemKey, { assignee: 'agent-ben' });
    await world.advance(30 * SECOND);
    expect(world.sandbox.jira.getIssue(started.workItemKey)?.fields.assignee).toBe('agent-ben');
    expect(notes(world, started.workItemKey).filter((note) => note.includes('Only live chat routing assigns'))).toEqual([]);
  });

  it('R16: a busy Jira while putting the assignee back is retried from the job queue', async () => {
    world = await supportWithTeam(['agent-ana']);
    const started = await acceptedBy('agent-ana');
    world.sandbox.faults.set([{ target: 'jira', kind: 'http429', match: `GET /rest/api/3/issue/${started.workItemKey}`, times: 2 }]);
    world.sandbox.jira.editIssueAsAutomation(started.workItemKey, { assignee: 'agent-ben' });
    await world.advance(30 * SECOND);
    expect(world.sandbox.jira.getIssue(started.workItemKey)?.fields.assignee).toBe('agent-ana');
    expect(notes(world, started.workItemKey).filter((note) => note.includes('Only live chat routing assigns'))).toHaveLength(1);
  });
});
