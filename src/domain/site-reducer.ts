import type { AgentStatus } from './agent';
import type { Effect, Timer } from './effects';
import { onAccept, onDecline } from './lifecycle/answer';
import { onHeartbeat, onStatusChange } from './lifecycle/agent-status';
import { onMaxChanged } from './lifecycle/maximum';
import { onMessage, type MessageSender } from './lifecycle/message';
import { onRequest } from './lifecycle/request';
import { onCustomerEnd, onResolve } from './lifecycle/resolve';
import { onTimer } from './lifecycle/timers';
import { onTransfer, type TransferTarget } from './lifecycle/transfer';
import { ok, type Result } from './result';
import { applyChange, type Change, type SiteState } from './state';

/** Everything that can happen to the site, as the shell reports it. */
export type SiteEvent =
  | { readonly type: 'request'; readonly conversationId: string; readonly projectKey: string }
  | { readonly type: 'accept'; readonly conversationId: string; readonly agentId: string }
  | { readonly type: 'decline'; readonly conversationId: string; readonly agentId: string }
  | { readonly type: 'timer'; readonly timer: Timer }
  | { readonly type: 'setStatus'; readonly agentId: string; readonly status: AgentStatus }
  | { readonly type: 'heartbeat'; readonly agentId: string }
  | { readonly type: 'message'; readonly conversationId: string; readonly sender: MessageSender }
  | { readonly type: 'resolve'; readonly conversationId: string; readonly agentId: string }
  | { readonly type: 'customerEnd'; readonly conversationId: string }
  | { readonly type: 'transfer'; readonly conversationId: string; readonly agentId: string; readonly to: TransferTarget }
  | { readonly type: 'setMaxConversations'; readonly maxConversations: number };

export type SiteEventType = SiteEvent['type'];

export interface Decision {
  readonly state: SiteState;
  readonly effects: readonly Effect[];
}

/**
 * The whole-site reducer: like xstate's transition, it returns the next state
 * and the effects to run, and runs none of them. It only routes each event to
 * its fine-grained decision, which use cases call directly on the records they load.
 */
export function decide(state: SiteState, event: SiteEvent, now: number): Result<Decision> {
  const decided = changeFor(state, event, now);
  if (!decided.ok) return decided;
  return ok({ state: applyChange(state, decided.value), effects: decided.value.effects });
}

function changeFor(state: SiteState, event: SiteEvent, now: number): Result<Change> {
  switch (event.type) {
    case 'request':
      return onRequest(state, event, now);
    case 'accept':
      return onAccept(state, event, now);
    case 'decline':
      return onDecline(state, event, now);
    case 'timer':
      return onTimer(state, event.timer, now);
    case 'setStatus':
      return onStatusChange(state, event, now);
    case 'heartbeat':
      return onHeartbeat(state, event, now);
    case 'message':
      return onMessage(state, event, now);
    case 'resolve':
      return onResolve(state, event, now);
    case 'customerEnd':
      return onCustomerEnd(state, event, now);
    case 'transfer':
      return onTransfer(state, event, now);
    case 'setMaxConversations':
      return onMaxChanged(state, event, now);
  }
}
