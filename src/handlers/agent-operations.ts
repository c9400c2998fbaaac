import { z } from 'zod';
import { AGENT_STATUSES, type AgentStatus } from '../domain';
import { acceptOffer } from '../app/routing/accept-offer';
import { requireAgent } from '../app/routing/agent-caller';
import { declineOffer } from '../app/routing/decline-offer';
import { recordHeartbeat } from '../app/routing/record-heartbeat';
import { setAgentStatus } from '../app/routing/set-agent-status';
import { showAgentInbox } from '../app/routing/show-agent-inbox';
import { conversationId } from './chat-fields';
import { resolverOperation } from './resolver-operation';

const nothing = z.strictObject({});
const status = z.enum(AGENT_STATUSES as [AgentStatus, ...AgentStatus[]], { error: `must be one of ${AGENT_STATUSES.join(', ')}` });

/** The inbox's operations (R28: agents of at least one service space). */
export const agentOperations = {
  'agent.me': resolverOperation(nothing, async (_input, caller, deps) => showAgentInbox(deps, await requireAgent(deps, caller.accountId))),

  'agent.setStatus': resolverOperation(z.strictObject({ status }), async (input, caller, deps) =>
    setAgentStatus(deps, { agentId: await requireAgent(deps, caller.accountId), status: input.status })
  ),

  'agent.heartbeat': resolverOperation(nothing, async (_input, caller, deps) =>
    recordHeartbeat(deps, await requireAgent(deps, caller.accountId))
  ),

  'offer.accept': resolverOperation(z.strictObject({ conversationId }), async (input, caller, deps) =>
    acceptOffer(deps, { agentId: await requireAgent(deps, caller.accountId), conversationId: input.conversationId })
  ),

  'offer.decline': resolverOperation(z.strictObject({ conversationId }), async (input, caller, deps) =>
    declineOffer(deps, { agentId: await requireAgent(deps, caller.accountId), conversationId: input.conversationId })
  )
};
