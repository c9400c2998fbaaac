import { isEnded } from '../conversation';
import type { Effect } from '../effects';
import { messageRecipients } from '../notifications';
import { fail, ok } from '../result';
import { change, noChange } from '../state';
import { onConversation } from './on-conversation';

export type MessageSender = { readonly role: 'customer' } | { readonly role: 'agent'; readonly agentId: string };

/**
 * A message was written in a conversation. R20: only the assigned agent is
 * notified. R13: the assignee's first message stops the reply clock (and R17
 * posts it on the work item). Who may write is the shell's check (R18, R24).
 *
 * Reads: the conversation.
 */
export const onMessage = onConversation(
  (_state, conversation, input: { readonly conversationId: string; readonly sender: MessageSender }, now) => {
    if (isEnded(conversation)) return fail('conflict', 'This chat has ended.');
    const senderId = input.sender.role === 'agent' ? input.sender.agentId : null;
    if (senderId !== null && conversation.status !== 'active') return fail('conflict', 'This chat has not started.');
    const recipients = messageRecipients(conversation, senderId);
    const effects: Effect[] =
      recipients.length > 0 ? [{ type: 'notify', accountIds: recipients, conversationId: conversation.id, reason: 'newMessage' }] : [];
    // Decision (R13): only the assignee's first message stops the reply clock.
    if (senderId === null || senderId !== conversation.assignee || conversation.firstAgentReplyAt !== null) {
      return ok(effects.length > 0 ? change({ effects }) : noChange);
    }
    return ok(
      change({
        conversations: [{ ...conversation, firstAgentReplyAt: now }],
        effects: [...effects, { type: 'firstAgentReply', conversationId: conversation.id, agentId: senderId }]
      })
    );
  }
);
