import { DEFAULT_FALLBACK_MESSAGE, renderFallbackMessage } from '../../domain';
import type { SpaceRecord } from '../ports/space-directory';

/** R10, R12, R13: what the customer reads when no agent took (or kept) the chat. */
export function fallbackText(space: SpaceRecord | null | undefined, workItemKey: string): string {
  return renderFallbackMessage(space?.config.settings.fallbackMessage ?? DEFAULT_FALLBACK_MESSAGE, workItemKey);
}
