import { z } from 'zod';
import { MESSAGE_MAX_CHARS, projectKey } from './fields';

/** The payloads too long to read inline in the operation table (operations.ts). */

/** chat.start: the AI conversation so far (R23), handed to the agent. The space is the portal's: a payload projectKey must agree with it. */
const handedOverTurn = z.strictObject({
  from: z.enum(['customer', 'ai'], { error: "must be 'customer' or 'ai'" }),
  text: z.string({ error: 'must be text' }).max(MESSAGE_MAX_CHARS, `must be at most ${MESSAGE_MAX_CHARS} characters`)
});

export const chatStartInput = z.strictObject({
  projectKey: projectKey.optional(),
  summary: z.string({ error: 'must be text' }).trim().min(1, 'must not be empty').max(255, 'must be at most 255 characters').optional(),
  transcript: z.array(handedOverTurn, { error: 'must be a list of { from, text }' }).max(200, 'must have at most 200 turns').optional()
});

/** R29: the turns the widget sends for the AI's answer: plain text, at most 4,000 characters each; the customer speaks last. */
const MAX_ASSISTANT_TURNS = 40;
const assistantTurn = z.strictObject({
  from: z.enum(['customer', 'ai'], { error: 'must be customer or ai' }),
  text: z
    .string({ error: 'must be text' })
    .refine((text) => text.trim().length > 0, 'must not be empty')
    .refine((text) => [...text].length <= MESSAGE_MAX_CHARS, `must be at most ${MESSAGE_MAX_CHARS} characters`)
});

export const assistantReplyInput = z.strictObject({
  projectKey: projectKey.optional(),
  transcript: z
    .array(assistantTurn, { error: 'must be a list of turns' })
    .min(1, 'must hold the customer’s message')
    .max(MAX_ASSISTANT_TURNS, `must be at most ${MAX_ASSISTANT_TURNS} turns`)
    .refine((turns) => turns[turns.length - 1]?.from === 'customer', 'must end with the customer’s message')
});

/**
 * space.settings.save: values are checked by the domain, which names each field and its range,
 * so here each is any value (R29's typed error comes from there).
 */
const setting = z.unknown().optional();
export const spaceSettingsSaveInput = z.strictObject({
  projectKey,
  enabled: setting,
  timeToAssignMinutes: setting,
  offerTimeoutSeconds: setting,
  timeToReplyMinutes: setting,
  teamId: setting,
  showOnlyWhenAvailable: setting,
  requestTypeId: setting,
  fallbackMessage: setting,
  // Read-only settings (setUp, defaultLabel): accepted, never applied.
  setUp: setting,
  defaultLabel: setting
});
