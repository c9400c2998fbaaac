import { z } from 'zod';
import { assistantReply } from '../app/assistant/assistant-reply';
import { portalChatSpace } from '../app/chat/portal-chat-space';
import { projectKey } from './chat-fields';
import { portalOf } from './portal-of';
import { resolverOperation } from './resolver-operation';

/** R29: the turns the widget sends: plain text, at most 4,000 characters each; the customer speaks last. */
const MAX_TURNS = 40;
const turn = z.strictObject({
  from: z.enum(['customer', 'ai'], { error: 'must be customer or ai' }),
  text: z
    .string({ error: 'must be text' })
    .refine((text) => text.trim().length > 0, 'must not be empty')
    .refine((text) => [...text].length <= 4_000, 'must be at most 4000 characters')
});

const input = z.strictObject({
  projectKey: projectKey.optional(),
  transcript: z
    .array(turn, { error: 'must be a list of turns' })
    .min(1, 'must hold the customer’s message')
    .max(MAX_TURNS, `must be at most ${MAX_TURNS} turns`)
    .refine((turns) => turns[turns.length - 1]?.from === 'customer', 'must end with the customer’s message')
});

/**
 * R23: the widget's AI turn. Open to anyone on the portal, anonymous included (like the
 * widget itself); it answers only where a chat could start, in the portal's own space (a
 * payload projectKey must agree with it), within the caller's share of the LLM quota.
 */
export const assistantOperations = {
  'assistant.reply': resolverOperation(input, async (payload, caller, deps) => {
    const space = await portalChatSpace(deps, { projectKey: payload.projectKey, serviceDeskId: portalOf(caller.extension) });
    return assistantReply(deps, { projectKey: space, transcript: payload.transcript, accountId: caller.accountId ?? null });
  })
};
