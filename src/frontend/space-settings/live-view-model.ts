/** What the live view section (LV1–LV3) shows, as pure functions of `space.liveView.get`'s answer. */
import type { LiveAgent, LiveChat, LiveView } from '../shared/operations';
import { agentStatusLabel } from '../shared/labels';
import { plural } from '../shared/format';

/** While the page is open it reads the view again this often: an admin's page, a handful of reads each (LV1). */
export const LIVE_VIEW_REFRESH_MS = 10_000;

/** "under a minute", "4 minutes", "1 h 05 min": how long since `since`, by the server's clock (`now`). */
export function durationSince(since: number, now: number): string {
  const minutes = Math.floor(Math.max(0, now - since) / 60_000);
  if (minutes < 1) return 'under a minute';
  if (minutes < 60) return plural(minutes, 'minute');
  return `${Math.floor(minutes / 60)} h ${String(minutes % 60).padStart(2, '0')} min`;
}

/** R1, R2: the status routing counts, and why when the inbox went quiet while the agent set another. */
export function agentStatusText(agent: Pick<LiveAgent, 'status' | 'chosenStatus'>): string {
  const label = agentStatusLabel(agent.status);
  if (agent.status === agent.chosenStatus) return label;
  return `${label} (no heartbeat for 2 minutes; set to ${agentStatusLabel(agent.chosenStatus)})`;
}

export function agentStatusAppearance(agent: Pick<LiveAgent, 'status'>): 'success' | 'inprogress' | 'moved' | 'default' {
  if (agent.status === 'available') return 'success';
  if (agent.status === 'on_break' || agent.status === 'heads_down') return 'inprogress';
  if (agent.status === 'away') return 'moved';
  return 'default';
}

/** R5: "2 of 3" chats and offers, across all spaces. */
export function loadText(agent: Pick<LiveAgent, 'load'>, maxConversations: number): string {
  return `${agent.load} of ${maxConversations}`;
}

/** A running chat of the space with the agent who has it. */
export interface RunningChat extends LiveChat {
  readonly agentId: string;
  readonly agentName: string;
}

/** Every running chat of the space, the longest running first. */
export function runningChats(view: Pick<LiveView, 'agents'>): RunningChat[] {
  return view.agents
    .flatMap((agent) => agent.chats.map((chat) => ({ ...chat, agentId: agent.accountId, agentName: agent.name })))
    .sort((a, b) => a.since - b.since || a.conversationId.localeCompare(b.conversationId));
}

/** LV3: whom a chat may be assigned to now: agents who can take a chat (Available, fresh, below the maximum), not its own. */
export function assignOptions(view: Pick<LiveView, 'agents'>, chat: Pick<RunningChat, 'agentId'>): { label: string; value: string }[] {
  return view.agents
    .filter((agent) => agent.canTakeChat && agent.accountId !== chat.agentId)
    .map((agent) => ({ label: agent.name, value: agent.accountId }));
}

/** The name the view knows an account by (a pending transfer's target), else the id. */
export function nameOf(view: Pick<LiveView, 'agents'>, accountId: string): string {
  return view.agents.find((agent) => agent.accountId === accountId)?.name ?? accountId;
}
