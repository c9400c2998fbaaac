import { dispatch } from '../dispatch';
import { ok, type Result } from '../result';
import { validateSiteSettings } from '../settings-validation';
import { change, type Change, type SiteState } from '../state';

/**
 * The site admin changes Maximum conversations (R5). Lowering it drops nothing,
 * pending offers included: they were made within the maximum then in force.
 * Raising it frees capacity, so waiting chats are dispatched (R11).
 *
 * Reads: the site settings (and, when raised, what dispatch reads).
 */
export function onMaxChanged(state: SiteState, input: { readonly maxConversations: number }, now: number): Result<Change> {
  const valid = validateSiteSettings({ maxConversations: input.maxConversations });
  if (!valid.ok) return valid;
  // Decision (R5): lowering the maximum keeps pending offers too; only raising it dispatches.
  const step = change({ settings: valid.value });
  return ok(valid.value.maxConversations > state.settings.maxConversations ? dispatch(state, now, step) : step);
}
