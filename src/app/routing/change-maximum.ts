import { SETTING_RANGES } from '../../domain';
import { AppError } from '../app-error';
import { dispatchWaiting, spacesWithWaitingChats } from './dispatch-waiting';
import type { AppDeps } from '../app-deps';

/** How many waiting chats, oldest first, decide which spaces a raised maximum dispatches now. */
const WAITING_SCAN = 25;

/**
 * R5, R11: called after the site maximum was saved. Raising it frees capacity, so waiting
 * chats are offered now; lowering it drops nothing (R5), and the dispatch then finds no
 * free slot. Spaces beyond the first waiting chats are reached by the sweep.
 */
export async function changeMaximum(deps: AppDeps, maxConversations: number): Promise<void> {
  const { min, max } = SETTING_RANGES.maxConversations;
  if (!Number.isInteger(maxConversations) || maxConversations < min || maxConversations > max) {
    throw new AppError('invalid', `Maximum conversations must be between ${min} and ${max}`, {
      maxConversations: `between ${min} and ${max}`
    });
  }
  await dispatchWaiting(deps, await spacesWithWaitingChats(deps, WAITING_SCAN));
}
