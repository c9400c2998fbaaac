import { acceptOffer } from '../app/routing/accept-offer';
import { requireAgent } from '../app/routing/agent-caller';
import { declineOffer } from '../app/routing/decline-offer';
import { recordHeartbeat } from '../app/routing/record-heartbeat';
import { setAgentStatus } from '../app/routing/set-agent-status';
import { showAgentInbox } from '../app/routing/show-agent-inbox';
import type { OperationHandlers } from './resolver-operation';

/** The inbox's operations (R28: agents of at least one service space). */
export const agentOperations = {
  'agent.me': async (_input, caller, deps) => showAgentInbox(deps, await requireAgent(deps, caller.accountId)),

  'agent.setStatus': async (input, caller, deps) =>
    setAgentStatus(deps, { agentId: await requireAgent(deps, caller.accountId), status: input.status }),

  // R28: the heartbeat checks its caller itself, against the proof it keeps on the roster (record-heartbeat.ts).
  'agent.heartbeat': async (_input, caller, deps) => recordHeartbeat(deps, caller.accountId),

  'offer.accept': async (input, caller, deps) =>
    acceptOffer(deps, { agentId: await requireAgent(deps, caller.accountId), conversationId: input.conversationId }),

  'offer.decline': async (input, caller, deps) =>
    declineOffer(deps, { agentId: await requireAgent(deps, caller.accountId), conversationId: input.conversationId })
} satisfies Partial<OperationHandlers>;
