import { randomUUID } from 'node:crypto';
import { AppError } from '../app-error';
import type { AiTurn } from '../ports/chat-messages';
import { chatStartAdmission, type ChatStartDeps } from './start-chat-within-limit';
import { closedNotice } from './closed-notice';
import { chatSpace } from './start-chat';
import { contextText, defaultSummary, fittingTurns } from './transcript-text';

/** H3: the label of a request left outside business hours (besides the default label). */
export const AFTER_HOURS_LABEL = 'live-chat-after-hours';

export interface LeaveRequestInput {
  readonly projectKey: string;
  /** What the customer asks for, in their words. */
  readonly text: string;
  /** The AI conversation before it, if any (R15's context). */
  readonly transcript: readonly AiTurn[];
  readonly summary?: string;
  readonly customerAccountId: string | null;
  readonly licenseActive?: boolean;
}

export interface LeftRequest {
  readonly workItemKey: string;
  readonly nextOpeningAt: number | null;
}

/**
 * H3 (`chat.leaveRequest`): outside business hours the customer leaves a request instead of a
 * chat: a work item like a missed chat's (R15: summary, the customer's words as the context, on
 * their behalf, the default label and Team) labelled `live-chat-after-hours`, routed to nobody.
 * Inside business hours it is refused (`conflict`: start a chat). It shares chat.start's flood
 * limit, since each creates a work item.
 */
export async function leaveRequest(deps: ChatStartDeps, input: LeaveRequestInput): Promise<LeftRequest> {
  const space = await chatSpace(deps, input.projectKey, input.licenseActive);
  const closed = closedNotice(space, deps.clock.now());
  if (!closed) throw new AppError('conflict', 'Live chat is open now: start a chat instead of leaving a request.');
  const turns = fittingTurns([...input.transcript, { from: 'customer', text: input.text }]);
  const conversationId = `r-${randomUUID()}`;
  const admission = chatStartAdmission(deps, input);
  await admission.admit(conversationId);
  const created = await deps.workItems.create({
    conversationId,
    projectKey: input.projectKey,
    summary: input.summary ?? defaultSummary(turns),
    context: contextText(turns),
    customerAccountId: input.customerAccountId,
    freshConversation: true,
    extraLabels: [AFTER_HOURS_LABEL]
  });
  if (!created.ok) {
    await admission.withdraw().catch(() => undefined);
    const wait = created.retryable ? ` Please try again in ${created.retryAfterSeconds} seconds.` : '';
    throw new AppError('unavailable', `Your request could not be logged right now.${wait}`);
  }
  // Decision: Jira busy after the creation: the request exists and is the customer's answer; its labels are one log line for the team to add (no chat record owes them).
  if (created.unlabelled) deps.log('after-hours.unlabelled', { workItemKey: created.workItemKey });
  return { workItemKey: created.workItemKey, nextOpeningAt: closed.nextOpeningAt };
}
