import type { Conversation } from '../conversation';
import { fail, type Result } from '../result';
import type { Change, SiteState } from '../state';

/**
 * A decision on the one conversation its event names: it runs on that conversation, and an id
 * the state does not hold answers `not_found`, as every such event does.
 */
export function onConversation<Input extends { readonly conversationId: string }>(
  decide: (state: SiteState, conversation: Conversation, input: Input, now: number) => Result<Change>
): (state: SiteState, input: Input, now: number) => Result<Change> {
  return (state, input, now) => {
    const conversation = state.conversations[input.conversationId];
    return conversation ? decide(state, conversation, input, now) : fail('not_found', 'No such conversation.');
  };
}
