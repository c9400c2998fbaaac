/** What the issue panel shows of a conversation: the AI part, then the live chat by sender. */
import { formatClock } from '../shared/format';
import type { AgentConversationView } from '../shared/operations';
import { groupBySender, parseContext, senderLabel, splitAtHandoff } from '../shared/transcript';

export interface PanelTurn {
  readonly key: string;
  readonly who: string;
  readonly when: string | null;
  readonly texts: readonly string[];
}

export interface PanelModel {
  /** The customer with the AI before the handoff (marked as such on the panel). */
  readonly aiPart: readonly PanelTurn[];
  readonly livePart: readonly PanelTurn[];
}

/**
 * The AI part comes from the messages when they hold the AI's turns, otherwise from the
 * conversation's AI context (the text the work item's description also holds, R15).
 */
export function panelModel(
  view: Pick<AgentConversationView, 'messages' | 'context' | 'customerName' | 'aiTurns' | 'agentName'>,
  clock: { locale?: string; timeZone?: string } = {}
): PanelModel {
  const names = { customer: view.customerName, agent: view.agentName ?? undefined };
  const parts = splitAtHandoff(view.messages, view.aiTurns);
  const aiMessages = parts.find((p) => p.part === 'ai')?.messages ?? [];
  const liveMessages = parts.find((p) => p.part === 'live')?.messages ?? [];
  const turns = (messages: typeof liveMessages, prefix: string): PanelTurn[] =>
    groupBySender(messages).map((group) => ({
      key: `${prefix}${group.messages[0].seq}`,
      who: senderLabel(group.from, names, group.messages[0].authorName),
      when: formatClock(group.messages[0].at, clock.locale, clock.timeZone),
      texts: group.messages.map((m) => m.text)
    }));
  const aiPart =
    aiMessages.length > 0
      ? turns(aiMessages, 'ai-')
      : parseContext(view.context).map((line, i) => ({
          key: `context-${i}`,
          who: line.from === null ? 'AI conversation' : senderLabel(line.from, names),
          when: null,
          texts: [line.text]
        }));
  return { aiPart, livePart: turns(liveMessages, 'live-') };
}
