import { moveLiveChat } from '../app/spaces/move-live-chat';
import { showLiveView } from '../app/spaces/show-live-view';
import type { OperationHandlers } from './resolver-operation';
import { asSpaceAdmin } from './space-operations';

/**
 * The space settings page's live view (README "Operations beyond PRODUCT.md": LV1–LV4). R28: the
 * space's admins only (asSpaceAdmin: `forbidden` before anything is read or written).
 */
export const liveViewOperations = {
  'space.liveView.get': asSpaceAdmin((deps, key) => showLiveView(deps, key)),

  'space.liveView.takeBack': asSpaceAdmin((deps, key, input) =>
    moveLiveChat(deps, { projectKey: key, conversationId: input.conversationId, to: { queue: true } })
  ),

  'space.liveView.reassign': asSpaceAdmin((deps, key, input) =>
    moveLiveChat(deps, { projectKey: key, conversationId: input.conversationId, to: { accountId: input.accountId } })
  )
} satisfies Partial<OperationHandlers>;
