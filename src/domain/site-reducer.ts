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
import { onAdminMove, type AdminMoveInput } from './lifecycle/admin-move';
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
  | { readonly type: 'setMaxConversations'; readonly maxConversations: number }
  /** LV2, LV3: a space admin moves a running chat from the live view. */
  | ({ readonly type: 'adminMove' } & AdminMoveInput);

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

/** Each event's decision: a new event type without one fails the type check. */
const DECISIONS: {
  readonly [T in SiteEventType]: (state: SiteState, event: Extract<SiteEvent, { type: T }>, now: number) => Result<Change>;
} = {
  request: onRequest,
  accept: onAccept,
  decline: onDecline,
  timer: (state, event, now) => onTimer(state, event.timer, now),
  setStatus: onStatusChange,
  heartbeat: onHeartbeat,
  message: onMessage,
  resolve: onResolve,
  customerEnd: onCustomerEnd,
  transfer: onTransfer,
  setMaxConversations: onMaxChanged,
  adminMove: onAdminMove
};

function changeFor(state: SiteState, event: SiteEvent, now: number): Result<Change> {
  // The table pairs each type with its event's decision; TypeScript cannot follow that pairing through event.type.
  const decision = DECISIONS[event.type] as (state: SiteState, event: SiteEvent, now: number) => Result<Change>;
  return decision(state, event, now);
}
