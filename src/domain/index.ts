/**
 * The domain core: every rule of PRODUCT.md that decides something (R1–R14,
 * R16, R19–R22, R4, R31 and the settings table) as pure functions. No I/O, no clock,
 * no randomness: time (epoch ms) and ids are arguments, and decisions come back
 * as data: the records to write and the effects to run (`Change`).
 *
 * Use cases load the records a decision needs (each function's comment lists
 * them), call one fine-grained function, write `Change`'s records in one
 * conditional transaction and run its effects. `decide` composes the same
 * functions over the whole site, for specs and property tests.
 */

// Records and results
export { AGENT_STATUSES, HEARTBEAT_STALE_MS, newAgent, load, hasFreshHeartbeat, isReachable } from './agent';
export type { Agent, AgentStatus } from './agent';
export { newConversation, isEnded, assignDeadline, replyReminderAt, replyExpiresAt, hasPendingTransfer } from './conversation';
export type { Conversation, ConversationStatus, Offer, Outcome, Timing } from './conversation';
export { MAX_TEAM_SIZE, spaceAgentIds, isTeamTooLarge, showsOnlyWhenAvailable, isLiveChatOn, isSpaceOpen } from './space';
export type { SpaceConfig } from './space';
export { noChange, applyChange, combine, agentOf } from './state';
export type { SiteState, Change } from './state';
export { ok, fail } from './result';
export type { Result, DomainError, ErrorCode, FieldError } from './result';
export type { Effect, EffectType, WithdrawReason, NotifyReason, Timer, TimerKind } from './effects';

// Routing (R5, R6, R8, R10, R11)
export { isEligible, eligibleAgents, anyReachable } from './eligibility';
export { pickAgent } from './round-robin';
export type { Pick, PickOptions } from './round-robin';
export { dispatch, deferringOffers, offerBound } from './dispatch';
export { fcfs, waitingQueue, queuePositions, queuePositionOf, queuePositionChanges } from './queue';
export type { QueuePosition } from './queue';

// Lifecycle: one function per event, each `(state, input, now) => Result<Change>`
export { onRequest } from './lifecycle/request';
export type { RequestInput } from './lifecycle/request';
export { onAccept, onDecline } from './lifecycle/answer';
export type { AnswerInput } from './lifecycle/answer';
export { onTimer, pendingTimers } from './lifecycle/timers';
export { onStatusChange, onHeartbeat, heartbeatDispatches, canChangeAvailability } from './lifecycle/agent-status';
export type { StatusInput } from './lifecycle/agent-status';
export { onResolve, onCustomerEnd } from './lifecycle/resolve';
export { onMessage } from './lifecycle/message';
export type { MessageSender } from './lifecycle/message';
export { onMaxChanged } from './lifecycle/maximum';
export { onTransfer } from './lifecycle/transfer';
export type { TransferInput, TransferTarget } from './lifecycle/transfer';
export { onAdminMove, movableChat } from './lifecycle/admin-move';
export type { AdminMoveInput, AdminMoveTarget } from './lifecycle/admin-move';
export { holderIds } from './lifecycle/ending';

// The whole-site reducer
export { decide } from './site-reducer';
export type { SiteEvent, SiteEventType, Decision } from './site-reducer';

// Who is told, what the portal shows (R19, R20, R22, R31)
export { newChatRecipients, messageRecipients } from './notifications';
export { chatUnavailableReason, canStartChat, isChatVisible } from './portal-visibility';
export type { ChatUnavailableReason } from './portal-visibility';

// R16: only routing sets the assignee
export { guardsAssignee, decideAssignee } from './routing-assignee';
export type { AssigneeDecision } from './routing-assignee';

// Attachments: allowed types by content, the size limit, the parts a file travels in
export { ATTACHMENT_MAX_BYTES, ATTACHMENT_PART_BYTES, sniffType, partCount, partLength, checkPart, checkType } from './attachment';
export type { AttachmentRef, AttachmentType, AttachmentKind, UploadDeclaration } from './attachment';

// Settings (the settings table)
export {
  DEFAULT_LABEL,
  DEFAULT_FALLBACK_MESSAGE,
  DEFAULT_SITE_SETTINGS,
  WORK_ITEM_PLACEHOLDER,
  defaultSpaceSettings,
  renderFallbackMessage,
  timingOf
} from './settings';
export type { SpaceSettings, SiteSettings } from './settings';
export { SETTING_RANGES, FALLBACK_MESSAGE_MAX_CHARS, applySpaceSettings, validateSiteSettings } from './settings-validation';
export type { SpaceSettingsPatch } from './settings-validation';

// Agent tools (README "Operations beyond PRODUCT.md": SR1, SR2, CC3, IN2, IN4)
export { SAVED_REPLY_LIMITS, applySavedReplyEdit, sortedReplies } from './agent-tools/saved-replies';
export type { SavedReply, SavedReplyEdit } from './agent-tools/saved-replies';
export { fillPlaceholders, PLACEHOLDERS } from './agent-tools/placeholders';
export type { PlaceholderValues } from './agent-tools/placeholders';
export { chatAttention, byLongestWait } from './agent-tools/chat-attention';
export type { ChatAttention, RankedChat, WeighedMessage } from './agent-tools/chat-attention';
export { portalPageOf } from './agent-tools/portal-page';
export type { PortalPage } from './agent-tools/portal-page';
// H1: business hours; W1: the estimated wait; X1: the rating after the chat
export {
  WEEKDAYS,
  DEFAULT_CLOSED_MESSAGE,
  OPENING_PLACEHOLDER,
  isOpenAt,
  nextOpening,
  openingText,
  renderClosedMessage
} from './business-hours';
export type { BusinessHours, OpeningInterval, Weekday } from './business-hours';
export { BUSINESS_HOURS_LIMITS, businessHoursErrors, isTimeZone } from './business-hours-validation';
export { ACCEPT_SAMPLES, MIN_SAMPLES, MAX_ESTIMATE_MINUTES, recordAcceptTime, estimateWait } from './wait-estimate';
export type { WaitEstimate } from './wait-estimate';
export { RATING_COMMENT_MAX_CHARS, NO_RATINGS, ratingLabel, canRate, validateRating, addRating } from './rating';
export type { ChatRating, RatingCounts } from './rating';

// Reports (README "Operations beyond PRODUCT.md": RP1–RP5)
export * from './reports';
