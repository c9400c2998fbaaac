import type { LiveAgent, LiveView } from '../shared/operations';
import { agentStatusText, assignOptions, durationSince, loadText, runningChats } from './live-view-model';

const agent = (accountId: string, name: string, over: Partial<LiveAgent> = {}): LiveAgent => ({
  accountId,
  name,
  status: 'available',
  chosenStatus: 'available',
  load: 0,
  canTakeChat: true,
  chats: [],
  offers: [],
  ...over
});
const chat = (conversationId: string, since: number) => ({
  conversationId,
  customerName: `Customer of ${conversationId}`,
  workItemKey: 'SUP-1',
  since,
  transferTo: null
});

describe('the live view section', () => {
  const view: Pick<LiveView, 'agents'> = {
    agents: [
      agent('ana', 'Ana Souza', { load: 2, canTakeChat: false, chats: [chat('c2', 2_000), chat('c1', 1_000)] }),
      agent('ben', 'Ben Carter'),
      agent('chen', 'Chen Wei', { status: 'offline', chosenStatus: 'available', canTakeChat: false })
    ]
  };

  it('LV1, R2: an agent whose inbox went quiet reads Offline, with the status they set', () => {
    expect(agentStatusText(view.agents[2]!)).toBe('Offline (no heartbeat for 2 minutes; set to Available)');
    expect(agentStatusText(view.agents[1]!)).toBe('Available');
  });

  it('LV1, R5, R11: load against the maximum, and how long since a time by the server’s clock', () => {
    expect(loadText(view.agents[0]!, 3)).toBe('2 of 3');
    expect(durationSince(0, 59_000)).toBe('under a minute');
    expect(durationSince(0, 4 * 60_000 + 5_000)).toBe('4 minutes');
    expect(durationSince(0, 65 * 60_000)).toBe('1 h 05 min');
  });

  it('LV3: a chat may be assigned only to agents who can take one now, never back to its own agent', () => {
    const [first] = runningChats(view);
    expect(first).toMatchObject({ conversationId: 'c1', agentId: 'ana', agentName: 'Ana Souza' });
    expect(assignOptions(view, first!)).toEqual([{ label: 'Ben Carter', value: 'ben' }]);
    expect(assignOptions(view, { agentId: 'ben' })).toEqual([]);
  });
});
