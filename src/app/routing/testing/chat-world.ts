import { Sandbox, type SandboxOptions } from '../../../../sandbox/runtime/sandbox';
import { SUP_CHAT_REQUEST_TYPE_ID } from '../../../../sandbox/jira/demo-site';
import { deliverSpaceCreated } from '../../spaces/testing/space-events';
import type { PushChannel } from '../../ports/chat-pushes';

/**
 * Scenario tests' world: the demo site in a sandbox, with live chat set up through the
 * spaces part's own operations, and helpers that call the app exactly as its pages do
 * (`sandbox.invoke`). Nothing here reaches into the app's storage: tests read state through
 * the operations, `sandbox.kvs.dump()` and the fake Jira.
 */
export const SECOND = 1_000;
export const MINUTE = 60 * SECOND;

export type Answer = Record<string, unknown>;
export interface Failure {
  error: { code: string; message: string; fields?: Record<string, string> };
}

export interface StartedChat {
  conversationId: string;
  token: string;
  status: string;
  queuePosition?: number;
  fallback?: string;
  workItemKey: string;
}

export class ChatWorld {
  readonly sandbox: Sandbox;
  /** Agents whose inbox is open: `advance` sends their heartbeats (every 30 s, as the inbox does). */
  readonly online = new Set<string>();

  constructor(options: SandboxOptions = {}) {
    this.sandbox = new Sandbox(options);
  }

  /** Any operation; answers what the page would get (a result or `{ error }`). */
  async call(operation: string, payload: unknown, as: string | null, projectKey?: string): Promise<Answer> {
    return (await this.sandbox.invoke({ operation, payload, as, ...(projectKey ? { projectKey } : {}) })) as Answer;
  }

  /** An operation that must succeed. */
  async ok<T = Answer>(operation: string, payload: unknown, as: string | null, projectKey?: string): Promise<T> {
    const answer = await this.call(operation, payload, as, projectKey);
    if (answer && typeof answer === 'object' && 'error' in answer) {
      throw new Error(`${operation} as ${as ?? 'anonymous'} failed: ${JSON.stringify(answer.error)}`);
    }
    return answer as T;
  }

  /** An operation that must fail; answers the error. */
  async fails(operation: string, payload: unknown, as: string | null, projectKey?: string): Promise<Failure['error']> {
    const answer = await this.call(operation, payload, as, projectKey);
    if (!answer || typeof answer !== 'object' || !('error' in answer))
      throw new Error(`${operation} as ${as ?? 'anonymous'} succeeded: ${JSON.stringify(answer)}`);
    return (answer as unknown as Failure).error;
  }

  /** SUP as the demo has it (created after install, so live chat is on), set up by its admin, with `settings` saved. */
  async setUpSupport(settings: Record<string, unknown> = {}): Promise<void> {
    await deliverSpaceCreated(this.sandbox, 'SUP');
    await this.ok('space.setup', { projectKey: 'SUP', requestTypeId: SUP_CHAT_REQUEST_TYPE_ID }, 'admin-sup', 'SUP');
    if (Object.keys(settings).length > 0) await this.ok('space.settings.save', { projectKey: 'SUP', ...settings }, 'admin-sup', 'SUP');
  }

  /** HR existed before the app: its admin turns live chat on and sets it up. */
  async setUpHr(settings: Record<string, unknown> = {}): Promise<void> {
    await this.ok('space.setup', { projectKey: 'HR', requestTypeId: '22' }, 'admin-hr', 'HR');
    await this.ok('space.settings.save', { projectKey: 'HR', enabled: true, ...settings }, 'admin-hr', 'HR');
  }

  async setMaximum(maxConversations: number): Promise<void> {
    await this.ok('site.settings.save', { maxConversations }, 'admin');
  }

  /** The agent opens the inbox and sets themselves Available. */
  async goOnline(agentId: string, status = 'available'): Promise<void> {
    this.online.add(agentId);
    await this.ok('agent.heartbeat', {}, agentId);
    await this.ok('agent.setStatus', { status }, agentId);
  }

  /** The agent closes the inbox (no more heartbeats). */
  closeInbox(agentId: string): void {
    this.online.delete(agentId);
  }

  /**
   * Portal customer number `n` of SUP and HR (`customer-<n>`), created on first use. Scenarios
   * of many chats start them as many customers, as many browsers would: chat.start limits how
   * many chats one customer (and a space's anonymous visitors) may start in 10 minutes.
   */
  customer(n: number): string {
    const accountId = `customer-${n}`;
    const jira = this.sandbox.jira;
    if (jira.user(accountId)) return accountId;
    jira.addUser({
      accountId,
      displayName: `Customer ${n}`,
      emailAddress: `customer-${n}@example.net`,
      accountType: 'customer',
      active: true,
      timeZone: 'UTC'
    });
    for (const key of ['SUP', 'HR'])
      jira.setProjectRole(key, 'Service Desk Customers', [...(jira.project(key)?.roles['Service Desk Customers'] ?? []), accountId]);
    return accountId;
  }

  async start(projectKey = 'SUP', as: string | null = 'customer-dana', payload: Record<string, unknown> = {}): Promise<StartedChat> {
    const body = {
      projectKey,
      summary: 'My laptop will not start',
      transcript: [
        { from: 'customer', text: 'My laptop will not start' },
        { from: 'ai', text: 'Let me find you a person.' }
      ],
      ...payload
    };
    return this.ok<StartedChat>('chat.start', body, as, projectKey);
  }

  async me(agentId: string): Promise<AgentMe> {
    return this.ok<AgentMe>('agent.me', {}, agentId);
  }

  /** Who holds the offer of a conversation now (from the agents' inboxes). */
  async offeredTo(conversationId: string, agents: readonly string[]): Promise<string | null> {
    for (const agentId of agents) if ((await this.me(agentId)).offers.some((o) => o.conversationId === conversationId)) return agentId;
    return null;
  }

  async chat(started: Pick<StartedChat, 'conversationId' | 'token'>, afterSeq?: number): Promise<ChatView> {
    return this.ok<ChatView>(
      'chat.get',
      { conversationId: started.conversationId, token: started.token, ...(afterSeq === undefined ? {} : { afterSeq }) },
      null
    );
  }

  /** Moves virtual time, the open inboxes beating every 30 s; every timer and queue event due runs. */
  async advance(ms: number): Promise<void> {
    let left = ms;
    while (left > 0) {
      const step = Math.min(left, 30 * SECOND);
      await this.sandbox.clock.advance(step);
      left -= step;
      // A beat that fails (Jira busy while checking the caller) is simply the next one's to make.
      for (const agentId of this.online) await this.call('agent.heartbeat', {}, agentId);
    }
    await this.sandbox.settle();
  }

  /** Everything pushed on a global channel from now on, as the page would receive it with the token a read gave it. */
  listen(given: PushChannel | undefined): Record<string, unknown>[] {
    if (!given) throw new Error('the page was given no channel to listen on');
    const { channel, token } = given;
    const pushes: Record<string, unknown>[] = [];
    this.sandbox.realtime.subscribe({ channel, isGlobal: true, ...(token ? { token } : {}) }, (event) =>
      pushes.push(JSON.parse(event.payload) as Record<string, unknown>)
    );
    return pushes;
  }

  async settle(): Promise<void> {
    await this.sandbox.settle();
  }

  /** What the app stored, by entity (the test reads, never writes). */
  entities<T = Record<string, unknown>>(entityName: string): { key: string; value: T }[] {
    return ((this.sandbox.kvs.dump().entities[entityName] ?? []) as unknown as { key: string; value: T }[]).map(({ key, value }) => ({
      key,
      value
    }));
  }

  /** Everything the app stored but the permission cache (a read may refresh it), and Jira's work items: a refused call leaves it as it was. */
  everything(): string {
    const kvs = this.sandbox.kvs.dump();
    return JSON.stringify({
      kvs: { ...kvs, keys: kvs.keys.filter((k) => !k.key.startsWith('caller:')) },
      issues: this.sandbox.jira.listIssues()
    });
  }

  close(): void {
    this.sandbox.close();
  }
}

export interface AgentMe {
  status: string;
  load: number;
  maxConversations: number;
  statusReason: string;
  offers: { conversationId: string; projectKey: string; summary: string; context: string; expiresAt: number }[];
  conversations: { conversationId: string; projectKey: string; summary: string; workItemKey: string; status: string; unread: number }[];
  realtime: PushChannel;
}

export interface ChatView {
  status: string;
  queuePosition?: number;
  waitEstimate?: { minMinutes: number; maxMinutes: number };
  agentName?: string;
  agentTyping: boolean;
  messages: { seq: number; from: string; text: string; at: number }[];
  fallback?: string;
  realtime: PushChannel;
  queueRealtime?: PushChannel;
}

/** Transfer's and the live view's start: Dana's chat, accepted by Ana; Ben and Chen are online and Available. */
export async function anaChattingWithDana(settings: Record<string, unknown> = {}): Promise<{ world: ChatWorld; chat: StartedChat }> {
  const world = await supportDesk(['agent-ana'], settings);
  const chat = await world.start();
  await world.ok('offer.accept', { conversationId: chat.conversationId }, 'agent-ana');
  await world.goOnline('agent-ben');
  await world.goOnline('agent-chen');
  return { world, chat };
}

/** A world with SUP set up and `agents` online; close it after the test. */
export async function supportDesk(
  agents: readonly string[] = ['agent-ana', 'agent-ben', 'agent-chen'],
  settings: Record<string, unknown> = {},
  options: SandboxOptions = {}
): Promise<ChatWorld> {
  const world = new ChatWorld(options);
  await world.setUpSupport(settings);
  for (const agentId of agents) await world.goOnline(agentId);
  return world;
}
