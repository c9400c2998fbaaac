import type { SiteState } from '../state';
import { accept, agent, play, request, SECOND, site, space, T0 } from './fixtures';

/**
 * The site of the Transfer and live view specs: ann chats in c1 of HELP (accepted at T0 + 1 s);
 * bob and cy, HELP's other agents, are Available; hana is HR's only agent.
 */
export function annChatting(maxConversations = 3): SiteState {
  return play(
    site({
      spaces: [
        space('HELP', ['ann', 'bob', 'cy'], { offerTimeoutSeconds: 60, timeToAssignMinutes: 5, timeToReplyMinutes: 10 }),
        space('HR', ['hana'])
      ],
      agents: [agent('ann'), agent('bob', { lastOfferedAt: T0 }), agent('cy', { lastOfferedAt: T0 }), agent('hana')],
      maxConversations
    }),
    [
      [request('c1'), T0],
      [accept('c1', 'ann'), T0 + SECOND]
    ]
  ).state;
}
