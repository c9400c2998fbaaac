import { ChatWorld, type StartedChat } from './testing/chat-world';

/**
 * R18, R24, R28 for routing's operations: every operation against every kind of caller,
 * allowed or `forbidden`, and a forbidden call changes nothing. Chat A is running (assigned
 * to ana, with ben invited); chat B is offered to dev. chen is a plain agent of SUP, hana an
 * agent of HR only; admin-sup administers SUP (JSM gives space admins the agent permission),
 * admin administers the site.
 */
type Who =
  | 'anonymous'
  | 'anotherCustomer'
  | 'customer'
  | 'agentOfAnotherSpace'
  | 'agentOfTheSpace'
  | 'offeredAgent'
  | 'assignedAgent'
  | 'participant'
  | 'spaceAdmin'
  | 'siteAdmin';

const ACCOUNT: Record<Who, string | null> = {
  anonymous: null,
  anotherCustomer: 'customer-eli',
  customer: 'customer-dana',
  agentOfAnotherSpace: 'agent-hana',
  agentOfTheSpace: 'agent-chen',
  offeredAgent: 'agent-dev',
  assignedAgent: 'agent-ana',
  participant: 'agent-ben',
  spaceAdmin: 'admin-sup',
  siteAdmin: 'admin'
};
const EVERYONE = Object.keys(ACCOUNT) as Who[];
const AGENTS: Who[] = ['agentOfAnotherSpace', 'agentOfTheSpace', 'offeredAgent', 'assignedAgent', 'participant', 'spaceAdmin'];

interface Fixture {
  world: ChatWorld;
  running: StartedChat;
  offered: StartedChat;
  /** A chat of customer-eli's own, whose secret they hold. */
  elis: StartedChat;
}

interface Row {
  operation: string;
  allowed: readonly Who[];
  payload: (f: Fixture, who: Who) => Record<string, unknown>;
}

/** Each caller shows the secret they hold: the customer theirs, another customer their own chat's, agents none. */
const tokenOf = (f: Fixture, who: Who) =>
  who === 'customer' ? f.running.token : who === 'anotherCustomer' ? f.elis.token : 'no-token-of-mine';
const onRunning = (f: Fixture, who: Who) => ({ conversationId: f.running.conversationId, token: tokenOf(f, who) });

const ROWS: Row[] = [
  { operation: 'widget.status', allowed: EVERYONE, payload: () => ({ projectKey: 'SUP' }) },
  { operation: 'chat.start', allowed: EVERYONE, payload: () => ({ projectKey: 'SUP', summary: 'Another question' }) },
  { operation: 'chat.get', allowed: ['customer'], payload: onRunning },
  { operation: 'chat.send', allowed: ['customer'], payload: (f, who) => ({ ...onRunning(f, who), text: 'Hello' }) },
  { operation: 'chat.typing', allowed: ['customer'], payload: onRunning },
  { operation: 'chat.end', allowed: ['customer'], payload: onRunning },
  { operation: 'agent.me', allowed: AGENTS, payload: () => ({}) },
  { operation: 'agent.setStatus', allowed: AGENTS, payload: () => ({ status: 'on_break' }) },
  { operation: 'agent.heartbeat', allowed: AGENTS, payload: () => ({}) },
  { operation: 'offer.accept', allowed: ['offeredAgent'], payload: (f) => ({ conversationId: f.offered.conversationId }) },
  { operation: 'offer.decline', allowed: ['offeredAgent'], payload: (f) => ({ conversationId: f.offered.conversationId }) },
  {
    operation: 'conversation.get',
    allowed: ['agentOfTheSpace', 'offeredAgent', 'assignedAgent', 'participant', 'spaceAdmin', 'siteAdmin'],
    payload: (f) => ({ conversationId: f.running.conversationId })
  },
  {
    operation: 'conversation.send',
    allowed: ['assignedAgent', 'participant'],
    payload: (f) => ({ conversationId: f.running.conversationId, text: 'Hi' })
  },
  {
    operation: 'conversation.typing',
    allowed: ['assignedAgent', 'participant'],
    payload: (f) => ({ conversationId: f.running.conversationId })
  },
  { operation: 'conversation.resolve', allowed: ['assignedAgent'], payload: (f) => ({ conversationId: f.running.conversationId }) },
  {
    operation: 'conversation.invite',
    allowed: ['assignedAgent'],
    payload: (f) => ({ conversationId: f.running.conversationId, accountId: 'agent-chen' })
  }
];

async function fixture(): Promise<Fixture> {
  const world = new ChatWorld();
  world.sandbox.jira.addUser({
    accountId: 'agent-dev',
    displayName: 'Dev Patel',
    emailAddress: 'dev@acme-corp.example',
    accountType: 'atlassian',
    active: true,
    timeZone: 'UTC'
  });
  world.sandbox.jira.setProjectRole('SUP', 'Service Desk Team', ['agent-ana', 'agent-ben', 'agent-chen', 'agent-dev']);
  await world.setUpSupport();
  await world.setUpHr();
  await world.goOnline('agent-ana');
  const running = await world.start('SUP', 'customer-dana');
  await world.ok('offer.accept', { conversationId: running.conversationId }, 'agent-ana');
  await world.ok('conversation.invite', { conversationId: running.conversationId, accountId: 'agent-ben' }, 'agent-ana');
  await world.ok('agent.setStatus', { status: 'on_break' }, 'agent-ana');
  await world.goOnline('agent-dev');
  const offered = await world.start('SUP', 'customer-dana');
  await world.goOnline('agent-chen', 'on_break');
  const elis = await world.start('SUP', 'customer-eli');
  await world.ok('offer.decline', { conversationId: elis.conversationId }, 'agent-dev');
  return { world, running, offered, elis };
}

/** What a refused call must leave as it was. */
function routingState(world: ChatWorld): string {
  const { entities } = world.sandbox.kvs.dump();
  return JSON.stringify(
    ['agent', 'conversation', 'chat-message'].map((name) => (entities[name] ?? []).map(({ key, value }) => ({ key, value })))
  );
}

describe('who may call routing’s operations (R18, R24, R28)', () => {
  it.each(ROWS.map((row) => [row.operation, row] as const))(
    'R28: %s is refused to everyone it is not for, and the refusal changes nothing',
    async (_name, row) => {
      const f = await fixture();
      try {
        const outcome: Record<string, string> = {};
        const forbidden = EVERYONE.filter((who) => !row.allowed.includes(who));
        for (const who of [...forbidden, ...row.allowed]) {
          const before = routingState(f.world);
          const answer = await f.world.call(row.operation, row.payload(f, who), ACCOUNT[who], 'SUP');
          const error = (answer as { error?: { code: string } }).error;
          outcome[who] = error?.code === 'forbidden' ? 'forbidden' : error ? `error ${error.code}` : 'allowed';
          if (error) expect({ who, state: routingState(f.world) }).toEqual({ who, state: before });
        }
        const expected = Object.fromEntries(EVERYONE.map((who) => [who, row.allowed.includes(who) ? 'allowed' : 'forbidden']));
        expect(outcome).toEqual(expected);
      } finally {
        f.world.close();
      }
    }
  );
});
