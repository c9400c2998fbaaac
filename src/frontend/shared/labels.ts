/** The words the pages use for the statuses of PRODUCT.md. */
import type { AgentStatus, ConversationStatus } from './operations';

export const AGENT_STATUSES: readonly { readonly status: AgentStatus; readonly label: string; readonly help: string }[] = [
  { status: 'available', label: 'Available', help: 'You receive chat offers.' },
  { status: 'on_break', label: 'On a break', help: 'You keep your chats but get no new offers.' },
  { status: 'heads_down', label: 'Heads-down', help: 'You keep your chats but get no new offers.' },
  { status: 'away', label: 'Away', help: 'You get no offers.' },
  { status: 'offline', label: 'Offline', help: 'You get no offers.' }
];

export function agentStatusLabel(status: AgentStatus): string {
  return AGENT_STATUSES.find((s) => s.status === status)?.label ?? status;
}

export type Tone = 'success' | 'inprogress' | 'moved' | 'removed' | 'default' | 'new';

const CONVERSATION_STATUSES: Record<ConversationStatus, { readonly label: string; readonly tone: Tone }> = {
  waiting: { label: 'Waiting for an agent', tone: 'moved' },
  offered: { label: 'Offered to an agent', tone: 'new' },
  active: { label: 'In progress', tone: 'inprogress' },
  resolved: { label: 'Resolved', tone: 'success' },
  missed: { label: 'Missed', tone: 'removed' },
  expired: { label: 'Expired', tone: 'removed' }
};

export function conversationStatus(status: ConversationStatus): { readonly label: string; readonly tone: Tone } {
  return CONVERSATION_STATUSES[status] ?? { label: status, tone: 'default' };
}
