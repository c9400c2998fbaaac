import { SUPPORT_TEAM_ID, SUP_CHAT_REQUEST_TYPE_ID } from '../../../sandbox/jira/demo-site';
import type { CommentRecord } from '../../../sandbox/jira/site-model';
import { ChatWorld, MINUTE, SECOND, type StartedChat } from '../routing/testing/chat-world';
import { deliverSpaceCreated } from '../spaces/testing/space-events';

/**
 * The chat's work item (R15, R7, R17) as Jira shows it afterwards, and Jira's failures:
 * retried after Retry-After without a second work item, permanent ones dropped.
 */
async function supportWithTeam(agents: readonly string[] = ['agent-ana']): Promise<ChatWorld> {
  const world = new ChatWorld();
  await deliverSpaceCreated(world.sandbox, 'SUP');
  await world.setUpSupport({ teamId: SUPPORT_TEAM_ID });
  for (const agentId of agents) await world.goOnline(agentId);
  return world;
}

const text = (comment: CommentRecord) => JSON.stringify(comment.body);

async function accepted(world: ChatWorld, agentId = 'agent-ana'): Promise<StartedChat> {
  const started = await world.start();
  await world.ok('offer.accept', { conversationId: started.conversationId }, agentId);
  await world.settle();
  return started;
}

describe('work items', () => {
  let world: ChatWorld;
  afterEach(() => world.close());

  it('R15: the work item is created in the space with its chat request type, on behalf of the customer, with the summary, the AI conversation, the default label and the Team', async () => {
    world = await supportWithTeam();
    const started = await world.start('SUP', 'customer-dana', {
      summary: 'Laptop does not boot after update',
      transcript: [
        { from: 'customer', text: 'My laptop will not start since the update' },
        { from: 'ai', text: 'Have you tried holding the power button for 10 seconds?' },
        { from: 'customer', text: 'Yes. I want to talk to a person.' }
      ]
    });
    await world.settle();
    const issue = world.sandbox.jira.getIssue(started.workItemKey);
    expect(issue).toMatchObject({
      requestTypeId: SUP_CHAT_REQUEST_TYPE_ID,
      fields: { summary: 'Laptop does not boot after update', reporter: 'customer-dana', labels: ['live-chat'], team: SUPPORT_TEAM_ID }
    });
    const description = JSON.stringify(issue?.fields.description);
    for (const line of [
      'My laptop will not start since the update',
      'Have you tried holding the power button for 10 seconds?',
      'Yes. I want to talk to a person.'
    ])
      expect(description).toContain(line);
    expect(world.sandbox.jira.listIssues('SUP')).toHaveLength(1);
  });

  it('R15: an anonymous visitor’s work item is raised by the app, in the space, with the same content', async () => {
    world = await supportWithTeam();
    const started = await world.start('SUP', null);
    await world.settle();
    expect(world.sandbox.jira.getIssue(started.workItemKey)?.fields).toMatchObject({
      reporter: world.sandbox.jira.appAccountId,
      labels: ['live-chat'],
      team: SUPPORT_TEAM_ID
    });
  });

  it('R15: a missed chat’s work item also gets the label live-chat-missed', async () => {
    world = await supportWithTeam([]);
    const started = await world.start();
    expect(started.status).toBe('missed');
    await world.settle();
    expect(world.sandbox.jira.getIssue(started.workItemKey)?.fields.labels).toEqual(['live-chat', 'live-chat-missed']);
  });

  it('R15: Jira failing to create the work item (5xx) refuses the chat; asking again creates exactly one work item', async () => {
    world = await supportWithTeam();
    world.sandbox.faults.set([{ target: 'jira', kind: 'http5xx', match: 'POST /rest/servicedeskapi/request', times: 1 }]);
    const escalation = {
      projectKey: 'SUP',
      summary: 'Printer on fire',
      conversation: 'User: the printer is on fire',
      rovoConversationId: 'rovo-1'
    };
    const first = (await world.sandbox.action('escalate-to-human', escalation, 'customer-dana')) as { error: { code: string } };
    expect(first.error.code).toBe('unavailable');
    expect(world.sandbox.jira.listIssues('SUP')).toHaveLength(0);
    await world.advance(30 * SECOND);
    const second = (await world.sandbox.action('escalate-to-human', escalation, 'customer-dana')) as { workItemKey: string };
    const third = (await world.sandbox.action('escalate-to-human', escalation, 'customer-dana')) as { workItemKey: string };
    expect(third.workItemKey).toBe(second.workItemKey);
    expect(world.sandbox.jira.listIssues('SUP').map((i) => i.key)).toEqual([second.workItemKey]);
  });

  it('R15: when an attempt’s answer was lost after Jira created the work item, the next attempt finds it by its marker instead of creating another', async () => {
    world = await supportWithTeam();
    world.sandbox.faults.set([{ target: 'jira', kind: 'http5xx', match: 'POST /rest/servicedeskapi/request', times: 1 }]);
    const escalation = { projectKey: 'SUP', summary: 'VPN down', conversation: 'User: the VPN is down', rovoConversationId: 'rovo-lost' };
    await world.sandbox.action('escalate-to-human', escalation, 'customer-dana');
    // What the lost attempt did on Jira's side: the request exists, with the conversation's marker.
    const [{ key: conversationId }] = world.entities('work-item');
    const created = await world.sandbox.jira.handleJiraHttp(
      'POST',
      '/rest/servicedeskapi/request',
      '',
      {
        serviceDeskId: '2',
        requestTypeId: SUP_CHAT_REQUEST_TYPE_ID,
        isAdfRequest: true,
        requestFieldValues: {
          summary: 'VPN down',
          description: {
            type: 'doc',
            version: 1,
            content: [{ type: 'paragraph', content: [{ type: 'text', text: `Live chat conversation ${conversationId}` }] }]
          }
        }
      },
      world.sandbox.jira.appAccountId
    );
    const lostKey = (created.body as { issueKey: string }).issueKey;
    await world.advance(30 * SECOND);
    const answer = (await world.sandbox.action('escalate-to-human', escalation, 'customer-dana')) as { workItemKey: string };
    expect(answer.workItemKey).toBe(lostKey);
    expect(world.sandbox.jira.listIssues('SUP').map((i) => i.key)).toEqual([lostKey]);
    expect(world.sandbox.jira.getIssue(lostKey)?.fields.labels).toEqual(['live-chat']);
  });

  it('R15: when labelling fails after the work item was created, the label and Team are set later by the job queue', async () => {
    world = await supportWithTeam();
    world.sandbox.faults.set([{ target: 'jira', kind: 'http429', match: /^PUT \/rest\/api\/3\/issue\/SUP-1$/, times: 2 }]);
    const started = await world.start();
    expect(started.workItemKey).toBe('SUP-1');
    expect(world.sandbox.jira.getIssue('SUP-1')?.fields.labels).toEqual([]);
    await world.advance(30 * SECOND);
    expect(world.sandbox.jira.getIssue('SUP-1')?.fields).toMatchObject({ labels: ['live-chat'], team: SUPPORT_TEAM_ID });
  });

  it('R7: accepting makes the agent the work item’s assignee', async () => {
    world = await supportWithTeam();
    const started = await accepted(world);
    expect(world.sandbox.jira.getIssue(started.workItemKey)?.fields.assignee).toBe('agent-ana');
  });

  it('R7: Jira rate-limiting the assignment (429) is retried after its Retry-After', async () => {
    world = await supportWithTeam();
    world.sandbox.faults.set([{ target: 'jira', kind: 'http429', match: '/assignee', times: 3 }]);
    const started = await accepted(world);
    expect(world.sandbox.jira.getIssue(started.workItemKey)?.fields.assignee).toBeNull();
    await world.advance(1 * MINUTE);
    expect(world.sandbox.jira.getIssue(started.workItemKey)?.fields.assignee).toBe('agent-ana');
    expect(world.sandbox.faults.count()).toBe(3);
  });

  it('R7: a refusal that cannot change (an agent Jira will no longer assign) is dropped after one log line', async () => {
    world = await supportWithTeam();
    const warn = jest.spyOn(console, 'warn').mockImplementation(() => undefined);
    try {
      const started = await world.start();
      // Jira is busy when the accept assigns (the assignment is queued); before it runs again, the agent's account is deactivated: Jira answers 400.
      world.sandbox.faults.set([{ target: 'jira', kind: 'http429', match: '/assignee', times: 1 }]);
      await world.ok('offer.accept', { conversationId: started.conversationId }, 'agent-ana');
      world.sandbox.jira.setUserActive('agent-ana', false);
      world.closeInbox('agent-ana');
      await world.advance(5 * MINUTE);
      expect(world.sandbox.jira.getIssue(started.workItemKey)?.fields.assignee).toBeNull();
      const dropped = warn.mock.calls.map(([line]) => String(line)).filter((line) => line.includes('work-item-job-dropped'));
      expect(dropped).toHaveLength(1);
      expect(JSON.parse(dropped[0])).toMatchObject({ kind: 'assign', workItemKey: started.workItemKey, status: 400 });
      // Asked once more after the busy answer, never again.
      await world.advance(30 * MINUTE);
      expect(world.sandbox.meter.snapshot().byDetail['jira.requests PUT /rest/api/3/issue/{issueIdOrKey}/assignee']).toBe(2);
    } finally {
      warn.mockRestore();
    }
  });

  it('R17: the agent’s first message is their public reply on the work item; later messages are not', async () => {
    world = await supportWithTeam();
    const started = await accepted(world);
    await world.ok('conversation.send', { conversationId: started.conversationId, text: 'Hi Dana, I am looking at it now.' }, 'agent-ana');
    await world.ok('conversation.send', { conversationId: started.conversationId, text: 'Can you hold the power button?' }, 'agent-ana');
    await world.settle();
    const replies = world.sandbox.jira.comments(started.workItemKey).filter((c) => c.jsdPublic);
    expect(replies).toHaveLength(1);
    expect(replies[0].authorId).toBe('agent-ana');
    expect(text(replies[0])).toContain('Hi Dana, I am looking at it now.');
  });

  it('R17: when the reply cannot be posted as the agent, the app posts it for them, naming them, once', async () => {
    world = await supportWithTeam();
    const started = await accepted(world);
    world.sandbox.faults.set([
      { target: 'jira', kind: 'http5xx', match: `POST /rest/servicedeskapi/request/${started.workItemKey}/comment`, times: 2 }
    ]);
    await world.ok('conversation.send', { conversationId: started.conversationId, text: 'Hello from Ana' }, 'agent-ana');
    await world.advance(1 * MINUTE);
    const replies = world.sandbox.jira.comments(started.workItemKey).filter((c) => c.jsdPublic);
    expect(replies).toHaveLength(1);
    expect(replies[0].authorId).toBe(world.sandbox.jira.appAccountId);
    expect(text(replies[0])).toContain('Ana Souza replied in the live chat');
    expect(text(replies[0])).toContain('Hello from Ana');
  });

  it('R17: when the chat ends the whole transcript becomes one internal comment, even if the job is delivered twice', async () => {
    world = await supportWithTeam();
    const started = await accepted(world);
    await world.ok('chat.send', { conversationId: started.conversationId, token: started.token, text: 'It shows a black screen.' }, null);
    await world.ok(
      'conversation.send',
      { conversationId: started.conversationId, text: 'Please hold the power button for 30 seconds.' },
      'agent-ana'
    );
    world.sandbox.faults.set([{ target: 'queue', kind: 'duplicate', match: 'work-item-jobs' }]);
    await world.ok('conversation.resolve', { conversationId: started.conversationId }, 'agent-ana');
    await world.advance(1 * MINUTE);
    const notes = world.sandbox.jira.comments(started.workItemKey).filter((c) => !c.jsdPublic);
    expect(notes).toHaveLength(1);
    const transcript = text(notes[0]);
    expect(transcript).toContain('Live chat transcript');
    expect(transcript).toContain('Outcome: resolved');
    expect(transcript).toContain('Dana Whitfield:');
    expect(transcript).toContain('It shows a black screen.');
    expect(transcript).toContain('Ana Souza:');
    expect(transcript).toContain('Please hold the power button for 30 seconds.');
    expect(transcript.indexOf('It shows a black screen.')).toBeLessThan(transcript.indexOf('Please hold the power button'));
  });

  it('R17: Jira failing (5xx) while the transcript is written is retried, still one comment', async () => {
    world = await supportWithTeam();
    const started = await accepted(world);
    world.sandbox.faults.set([
      { target: 'jira', kind: 'http5xx', match: `POST /rest/api/3/issue/${started.workItemKey}/comment`, times: 2 }
    ]);
    await world.ok('conversation.resolve', { conversationId: started.conversationId }, 'agent-ana');
    await world.advance(2 * MINUTE);
    expect(world.sandbox.jira.comments(started.workItemKey).filter((c) => !c.jsdPublic)).toHaveLength(1);
    expect(world.sandbox.faults.count()).toBe(2);
  });
});
