import { newConversation, type Conversation } from './conversation';
import { decideAssignee, guardsAssignee } from './routing-assignee';
import { MINUTE, SECOND, T0 } from './testing/fixtures';

const waiting = newConversation({
  id: 'c1',
  projectKey: 'HELP',
  requestedAt: T0,
  timing: { timeToAssignMs: 5 * MINUTE, offerTimeoutMs: 30 * SECOND, timeToReplyMs: 10 * MINUTE }
});
const offered: Conversation = {
  ...waiting,
  status: 'offered',
  attempts: 1,
  offer: { agentId: 'ann', offeredAt: T0, expiresAt: T0 + 30 * SECOND, attempt: 1 }
};
const active: Conversation = { ...waiting, status: 'active', attempts: 1, assignee: 'ann', acceptedAt: T0 + SECOND };
const resolved: Conversation = { ...active, status: 'resolved', outcome: { kind: 'resolved', by: 'agent' }, endedAt: T0 + MINUTE };

describe('R16: only routing sets the assignee', () => {
  it('R16: given an accepted chat, when someone else assigns its work item, then routing’s assignee is put back', () => {
    expect(decideAssignee(active, 'ben')).toEqual({ type: 'restore', assignee: 'ann', replaced: 'ben' });
  });

  it('R16: given an accepted chat, when its work item is unassigned, then routing’s assignee is put back', () => {
    expect(decideAssignee(active, null)).toEqual({ type: 'restore', assignee: 'ann', replaced: null });
  });

  it('R16: given a chat no agent has accepted, when someone assigns its work item, then it is unassigned again', () => {
    expect(decideAssignee(waiting, 'chen')).toEqual({ type: 'restore', assignee: null, replaced: 'chen' });
    expect(decideAssignee(offered, 'ann')).toEqual({ type: 'restore', assignee: null, replaced: 'ann' });
  });

  it('R16: given the assignee already is routing’s (the app’s own edit, R7, or a redelivered event), then nothing is done', () => {
    expect(decideAssignee(active, 'ann')).toEqual({ type: 'leave' });
    expect(decideAssignee(waiting, null)).toEqual({ type: 'leave' });
  });

  it('R16: given the chat has ended, then the work item is the team’s to reassign', () => {
    expect(guardsAssignee(resolved)).toBe(false);
    expect(decideAssignee(resolved, 'ben')).toEqual({ type: 'leave' });
    expect(guardsAssignee(active)).toBe(true);
  });
});
