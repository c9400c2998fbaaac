import type { StartChatInput } from '../chat/start-chat';

type Turn = StartChatInput['transcript'][number];

/**
 * The Rovo action receives the conversation so far as one text. Lines that start with a
 * speaker ("User:", "Customer:", "Rovo:", "AI:", "Assistant:") start a turn; other lines
 * continue the turn before. A text with no speakers at all is one customer turn.
 */
const CUSTOMER = /^\s*(user|customer|me|you|human|visitor)\s*:\s*/i;
const AI = /^\s*(rovo|ai|assistant|agent|bot|model)\s*:\s*/i;

export function rovoConversationTurns(conversation: string): Turn[] {
  const turns: { from: 'customer' | 'ai'; text: string }[] = [];
  for (const line of conversation.split(/\r?\n/)) {
    const speaker = CUSTOMER.test(line) ? 'customer' : AI.test(line) ? 'ai' : null;
    const text = line.replace(speaker === 'customer' ? CUSTOMER : AI, '').trim();
    if (speaker) turns.push({ from: speaker, text });
    else if (turns.length > 0) turns[turns.length - 1].text = `${turns[turns.length - 1].text}\n${line.trim()}`.trim();
    else if (line.trim() !== '') turns.push({ from: 'customer', text: line.trim() });
  }
  return turns.filter((turn) => turn.text !== '');
}
