import type { Cost } from './usage';

/**
 * How many chats a minute one installation serves before its first Forge quota, from measured
 * costs. At a steady R chats a minute, each lasting D minutes, with agents holding M chats
 * each (the site maximum), R·D/M agents are chatting with the inbox open; so per minute the
 * installation spends R × (a chat's cost + D/M × an agent's cost per minute) + the sweep's.
 * Quotas per installation (Forge's platform quotas and limits):
 */
export const QUOTAS = {
  userInvocationsPerMinute: 5_000,
  kvsWritesPerMinute: 4_000,
  queueEventsPerMinute: 500,
  realtimeOpsPerSecond: 50
} as const;

/**
 * Forge LLMs: 100 requests a minute per installation (sandbox/llm/llm-service.ts). Each AI turn
 * of the widget's chat before the handoff is one `assistant.reply`, one request; chats that reach
 * a person through the Rovo agent spend none of it.
 */
export const LLM_REQUESTS_PER_MINUTE = 100;

export interface LlmLine {
  readonly aiTurns: number;
  readonly chatsPerMinute: number;
}

/** How many chats a minute the LLM quota allows when each has `aiTurns` AI turns before the handoff. */
export function llmLines(turns: readonly number[] = [1, 3, 5]): LlmLine[] {
  return turns.map((aiTurns) => ({ aiTurns, chatsPerMinute: LLM_REQUESTS_PER_MINUTE / aiTurns }));
}

export interface QuotaLine {
  readonly quota: keyof typeof QUOTAS;
  readonly limit: number;
  /** Spent per chat, including its share of the agents' standing cost. */
  readonly perChat: number;
  /** Spent per minute whatever the load (the sweep). */
  readonly fixedPerMinute: number;
  readonly chatsPerMinute: number;
}

export interface QuotaModel {
  readonly chatMinutes: number;
  readonly maxConversations: number;
  readonly lines: readonly QuotaLine[];
  /** The quota reached first, and at how many chats a minute. */
  readonly first: QuotaLine;
}

export function quotaModel(chat: Cost, agentPerHour: Cost, sweepPerHour: Cost, chatMinutes: number, maxConversations: number): QuotaModel {
  const agentShare = chatMinutes / maxConversations / 60; // agent-hours per chat
  const user = (cost: Cost) => cost.invocations.resolver + cost.invocations.action;
  const line = (quota: keyof typeof QUOTAS, per: (cost: Cost) => number, perMinuteLimit: number): QuotaLine => {
    const perChat = per(chat) + agentShare * per(agentPerHour);
    const fixedPerMinute = per(sweepPerHour) / 60;
    return {
      quota,
      limit: QUOTAS[quota],
      perChat,
      fixedPerMinute,
      chatsPerMinute: Math.max(0, (perMinuteLimit - fixedPerMinute) / perChat)
    };
  };
  const lines = [
    line('userInvocationsPerMinute', user, QUOTAS.userInvocationsPerMinute),
    line('kvsWritesPerMinute', (cost) => cost.kvsWrites, QUOTAS.kvsWritesPerMinute),
    line('queueEventsPerMinute', (cost) => cost.queueEvents, QUOTAS.queueEventsPerMinute),
    line('realtimeOpsPerSecond', (cost) => cost.realtimeOps, QUOTAS.realtimeOpsPerSecond * 60)
  ];
  const first = lines.reduce((a, b) => (b.chatsPerMinute < a.chatsPerMinute ? b : a));
  return { chatMinutes, maxConversations, lines, first };
}
