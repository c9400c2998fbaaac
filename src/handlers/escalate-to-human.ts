import { z } from 'zod';
import { escalateToHuman as escalate } from '../app/rovo/escalate-to-human';
import { composeApp } from '../composition';
import { AppError } from '../app/app-error';
import { callerAccount } from './caller-account';
import { projectKey } from '../contract/fields';
import { failureAnswer } from './failure-answer';

/** The action's inputs (manifest.yml); Rovo adds its own `context` beside them, which is ignored. */
const input = z.object({
  projectKey,
  summary: z
    .string({ error: 'must be text' })
    .refine((text) => text.trim().length > 0, 'must not be empty')
    .refine((text) => text.length <= 1_000, 'must be at most 1000 characters'),
  conversation: z.string({ error: 'must be text' }).max(100_000, 'must be at most 100000 characters'),
  rovoConversationId: z.string({ error: 'must be text' }).min(1, 'must not be empty').max(200, 'must be at most 200 characters').optional()
});

interface ActionContext {
  principal?: { accountId?: string };
}

/**
 * The Rovo action `escalate-to-human` (R25). The customer is the Rovo user the platform names
 * (never a payload field). Bad input and refusals (R27, R31, live chat off) are typed errors
 * whose message the AI can pass on.
 */
export async function escalateToHuman(payload: unknown, context?: ActionContext): Promise<unknown> {
  try {
    const parsed = input.safeParse(payload ?? {});
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const field = issue?.path.map(String).join('.') || 'payload';
      throw new AppError('invalid', `${field}: ${issue?.message ?? 'is not valid'}`, { [field]: issue?.message ?? 'is not valid' });
    }
    return await escalate(composeApp(), parsed.data, callerAccount(context?.principal?.accountId) ?? null);
  } catch (error) {
    return failureAnswer(error, 'escalate-to-human-failed');
  }
}
