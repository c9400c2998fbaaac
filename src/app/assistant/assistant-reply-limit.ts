import { AppError } from '../app-error';
import { type MinuteBucket, type MinuteLimitDeps, secondsToWait, takePlaces } from '../chat/window-place';

/**
 * Every `assistant.reply` is one prompt to Forge LLMs, which allows an installation 100
 * requests a minute across all its users (developer.atlassian.com/platform/forge/limits-llm)
 * and bills the developer. Decision: the widget's AI is limited before the model is asked:
 * - a signed-in visitor (customer, unlicensed or licensed account): 10 replies a minute, more
 *   than anyone types;
 * - anonymous visitors, whom Forge names all alike ('unidentified') and who cannot be told
 *   apart: 30 a minute per space together, and 60 a minute across the site, so anonymous
 *   traffic never takes more than 60 of the installation's 100 and signed-in customers keep
 *   the rest. Beyond that, `rate_limited` with when to try again; nothing else changes.
 */
export const ASSISTANT_REPLY_LIMITS = {
  account: { places: 10, windowMs: 60_000 },
  anonymousPerSpace: { places: 30, windowMs: 60_000 },
  anonymousPerSite: { places: 60, windowMs: 60_000 }
} as const;

export type AssistantLimitDeps = MinuteLimitDeps;

/** Takes the caller's places for one reply (R29's kind of flood limit), or throws `rate_limited`. */
export async function admitAssistantReply(
  deps: AssistantLimitDeps,
  input: { projectKey: string; accountId: string | null }
): Promise<void> {
  const buckets =
    input.accountId === null
      ? [
          { bucket: `reply:space:${input.projectKey}`, limit: ASSISTANT_REPLY_LIMITS.anonymousPerSpace },
          { bucket: 'reply:anonymous', limit: ASSISTANT_REPLY_LIMITS.anonymousPerSite }
        ]
      : [{ bucket: `reply:account:${input.accountId}`, limit: ASSISTANT_REPLY_LIMITS.account }];
  await takePlaces(deps, buckets, refused);
}

function refused(_bucket: MinuteBucket, waitMs: number): AppError {
  return new AppError(
    'rate_limited',
    `The assistant has had many questions here in the last minute. Please try again in ${secondsToWait(waitMs)}, or ask to talk to a person.`
  );
}
