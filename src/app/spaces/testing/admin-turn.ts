import type { ChatWorld } from '../../routing/testing/chat-world';
import type { LiveView } from '../show-live-view';

/**
 * A space admin's turn at the live view (LV2, LV3), as the page would take it while agents work
 * (the concurrency test and the soak): read the view, then for a few running chats put one back
 * in the queue or assign it to any agent of the space, whether the view still holds or not (a
 * refusal, typed, changes nothing; routing's invariants are checked after every round). Answers how
 * many moves went through.
 */
export async function randomAdminTurn(
  world: ChatWorld,
  admin: string,
  projectKey: string,
  rand: () => number,
  agents: readonly string[]
): Promise<number> {
  const view = await world.call('space.liveView.get', { projectKey }, admin, projectKey);
  if ('error' in view) return 0;
  const chats = (view as unknown as LiveView).agents.flatMap((agent) => agent.chats);
  const moves = chats.flatMap((chat) => {
    const roll = rand();
    const payload = { projectKey, conversationId: chat.conversationId };
    if (roll < 0.08) return [world.call('space.liveView.takeBack', payload, admin, projectKey)];
    if (roll < 0.2) {
      const accountId = agents[Math.floor(rand() * agents.length)];
      return [world.call('space.liveView.reassign', { ...payload, accountId }, admin, projectKey)];
    }
    return [];
  });
  // How many moves went through (the test checks some did).
  return (await Promise.all(moves)).filter((answer) => !('error' in answer)).length;
}
