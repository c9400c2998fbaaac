/**
 * The resolver operations (PRODUCT.md, "Operations", and README, "Operations beyond
 * PRODUCT.md"), the only way the frontends reach the backend: each one's payload schema and
 * what it answers, the result type of the use case that serves it. The handlers parse each
 * payload with its schema and must answer its result (src/handlers/resolver.ts); the frontends'
 * `run` takes the schema's input and gives the result (src/frontend/shared/run.ts), importing
 * this module for its types only, so no schema reaches a page bundle.
 */
import { z } from 'zod';
import { AGENT_STATUSES, type AgentStatus } from '../domain';
import type { assistantReply } from '../app/assistant/assistant-reply';
import type { endChat } from '../app/chat/end-chat';
import type { leaveRequest } from '../app/chat/leave-request';
import type { rateChat } from '../app/chat/rate-chat';
import type { inviteParticipant } from '../app/chat/invite-participant';
import type { listHistory } from '../app/chat/list-history';
import type { listTransferTargets } from '../app/routing/list-transfer-targets';
import type { transferConversation } from '../app/routing/transfer-conversation';
import type { readAgentAttachment, readCustomerAttachment } from '../app/chat/read-attachment';
import type { readConversation } from '../app/chat/read-conversation';
import type { resolveConversation } from '../app/chat/resolve-conversation';
import type { resumeChat } from '../app/chat/resume-chat';
import type { sendAgentAttachment, sendCustomerAttachment } from '../app/chat/send-attachment';
import type { sendCustomerMessage, sendAgentMessage } from '../app/chat/send-message';
import type { showChat } from '../app/chat/show-chat';
import type { showWidget } from '../app/chat/show-widget';
import type { signalAgentTyping, signalCustomerTyping } from '../app/chat/signal-typing';
import type { startChatWithinLimit } from '../app/chat/start-chat-within-limit';
import type { acceptOffer } from '../app/routing/accept-offer';
import type { declineOffer } from '../app/routing/decline-offer';
import type { recordHeartbeat } from '../app/routing/record-heartbeat';
import type { setAgentStatus } from '../app/routing/set-agent-status';
import type { showAgentInbox } from '../app/routing/show-agent-inbox';
import type { deactivateSpace } from '../app/spaces/deactivate-space';
import type { getSpaceSettings } from '../app/spaces/get-space-settings';
import type { saveSpaceSettings } from '../app/spaces/save-space-settings';
import type { setUpSpace } from '../app/spaces/set-up-space';
import type { siteOverview } from '../app/spaces/site-overview';
import type { showSiteReport } from '../app/reports/show-site-report';
import type { showSpaceReport } from '../app/reports/show-space-report';
import type { getSiteSettings, saveSiteSettings } from '../app/spaces/site-settings';
import type { editSavedReplies, showSavedReplies } from '../app/agent-tools/edit-saved-replies';
import type { pickSavedReplies } from '../app/agent-tools/pick-saved-replies';
import type { showCustomerContext } from '../app/agent-tools/show-customer-context';
import type { suggestReply } from '../app/agent-tools/suggest-reply';
import type { summarizeConversation } from '../app/agent-tools/summarize-conversation';
import type { moveLiveChat } from '../app/spaces/move-live-chat';
import type { showLiveView } from '../app/spaces/show-live-view';
import { accountId, afterSeq, chatToken, conversationId, messageText, projectKey } from './fields';
import {
  assistantReplyInput,
  attachmentPart,
  attachmentRead,
  chatStartInput,
  historyInput,
  leaveRequestInput,
  savedReplyId,
  savedReplySaveInput,
  spaceSettingsSaveInput,
  transferTarget
} from './payloads';

/** One operation: the schema of its payload, and (a type only) what it answers. */
export interface Operation<Input extends z.ZodType, Result> {
  readonly input: Input;
  /** Never set: the result's type, for OperationResult. */
  readonly result?: Result;
}

/** `takes(schema).answers<typeof useCase>()`: the operation answers what that use case resolves to. */
function takes<Input extends z.ZodType>(input: Input) {
  return {
    answers: <UseCase extends (...args: never[]) => Promise<unknown>>(): Operation<Input, Awaited<ReturnType<UseCase>>> => ({ input })
  };
}

const nothing = z.strictObject({});
const chat = { conversationId, token: chatToken };
const status = z.enum(AGENT_STATUSES as [AgentStatus, ...AgentStatus[]], { error: `must be one of ${AGENT_STATUSES.join(', ')}` });
const requestTypeId = z
  .string({ error: 'must be a request type id' })
  .min(1, 'must be a request type id')
  .max(50, 'must be a request type id');

export const OPERATION_CONTRACT = {
  // The customer (the portal widget). R22: `{}` on a portal page, or `{ projectKey }` where no portal says it.
  'widget.status': takes(z.strictObject({ projectKey: projectKey.optional() })).answers<typeof showWidget>(),
  'assistant.reply': takes(assistantReplyInput).answers<typeof assistantReply>(),
  'chat.start': takes(chatStartInput).answers<typeof startChatWithinLimit>(),
  'chat.resume': takes(nothing).answers<typeof resumeChat>(),
  'chat.get': takes(z.strictObject({ ...chat, afterSeq })).answers<typeof showChat>(),
  'chat.send': takes(z.strictObject({ ...chat, text: messageText })).answers<typeof sendCustomerMessage>(),
  'chat.typing': takes(z.strictObject(chat)).answers<typeof signalCustomerTyping>(),
  'chat.end': takes(z.strictObject(chat)).answers<typeof endChat>(),
  // Not in PRODUCT.md's table (README, "Operations beyond PRODUCT.md"): H3's after-hours request; X1's rating, whose stars and comment the domain checks.
  'chat.leaveRequest': takes(leaveRequestInput).answers<typeof leaveRequest>(),
  'chat.rate': takes(z.strictObject({ ...chat, stars: z.unknown(), comment: z.unknown().optional() })).answers<typeof rateChat>(),
  // Not in PRODUCT.md's table: a file, in parts, and a file's content for its preview (README, "Operations beyond PRODUCT.md").
  'chat.attach': takes(z.strictObject({ ...chat, ...attachmentPart })).answers<typeof sendCustomerAttachment>(),
  'chat.attachment': takes(z.strictObject({ ...chat, ...attachmentRead })).answers<typeof readCustomerAttachment>(),

  // The agent (the inbox).
  'agent.me': takes(nothing).answers<typeof showAgentInbox>(),
  'agent.setStatus': takes(z.strictObject({ status })).answers<typeof setAgentStatus>(),
  'agent.heartbeat': takes(nothing).answers<typeof recordHeartbeat>(),
  'offer.accept': takes(z.strictObject({ conversationId })).answers<typeof acceptOffer>(),
  'offer.decline': takes(z.strictObject({ conversationId })).answers<typeof declineOffer>(),

  // A conversation, for agents (R18). No conversationId on a work item's panel: the work item is the context's.
  'conversation.get': takes(z.strictObject({ conversationId: conversationId.optional(), afterSeq })).answers<typeof readConversation>(),
  'conversation.send': takes(z.strictObject({ conversationId, text: messageText })).answers<typeof sendAgentMessage>(),
  // Not in PRODUCT.md's table: the agent's typing signal, so the customer sees typing (R23).
  'conversation.typing': takes(z.strictObject({ conversationId })).answers<typeof signalAgentTyping>(),
  'conversation.attach': takes(z.strictObject({ conversationId, ...attachmentPart })).answers<typeof sendAgentAttachment>(),
  'conversation.attachment': takes(z.strictObject({ conversationId, ...attachmentRead })).answers<typeof readAgentAttachment>(),
  'conversation.resolve': takes(z.strictObject({ conversationId })).answers<typeof resolveConversation>(),
  'conversation.invite': takes(z.strictObject({ conversationId, accountId })).answers<typeof inviteParticipant>(),
  // Not in PRODUCT.md's table (README, "Operations beyond PRODUCT.md"): the assignee hands the chat to an agent of the space, or back to its queue.
  'conversation.transfer': takes(z.strictObject({ conversationId, to: transferTarget })).answers<typeof transferConversation>(),
  // Not in PRODUCT.md's table (README, "Operations beyond PRODUCT.md"): whom the assignee may transfer the chat to now.
  'conversation.transferTargets': takes(z.strictObject({ conversationId })).answers<typeof listTransferTargets>(),
  // Not in PRODUCT.md's table (README, "Operations beyond PRODUCT.md"): the ended chats the caller took part in, newest first.
  'conversation.history': takes(historyInput).answers<typeof listHistory>(),

  // The space settings page (R26, R27).
  'space.settings.get': takes(z.strictObject({ projectKey })).answers<typeof getSpaceSettings>(),
  'space.settings.save': takes(spaceSettingsSaveInput).answers<typeof saveSpaceSettings>(),
  'space.setup': takes(z.strictObject({ projectKey, requestTypeId: requestTypeId.optional() })).answers<typeof setUpSpace>(),
  'space.deactivate': takes(z.strictObject({ projectKey })).answers<typeof deactivateSpace>(),

  // The Jira admin page (R5's maximum, R31). The value's range is the domain's to check, so its message names the field and range.
  'site.settings.get': takes(nothing).answers<typeof getSiteSettings>(),
  'site.settings.save': takes(z.strictObject({ maxConversations: z.unknown() })).answers<typeof saveSiteSettings>(),
  // Not in PRODUCT.md's table: the Jira admin page's overview of every service space (README, "Operations beyond PRODUCT.md").
  'site.overview': takes(nothing).answers<typeof siteOverview>(),

  // Not in PRODUCT.md's table (README, "Operations beyond PRODUCT.md": RP1–RP5): the reports, over the last 7 or 30 UTC days.
  'space.report': takes(z.strictObject({ projectKey, days: z.unknown() })).answers<typeof showSpaceReport>(),
  'site.report': takes(z.strictObject({ days: z.unknown() })).answers<typeof showSiteReport>(),

  // Not in PRODUCT.md's table: the agent tools (README "Operations beyond PRODUCT.md": SR1, SR2, AI1–AI3, CC1–CC3).
  // Saved replies, on the space settings page (R28: the space's admins).
  'space.savedReplies.get': takes(z.strictObject({ projectKey })).answers<typeof showSavedReplies>(),
  'space.savedReplies.save': takes(savedReplySaveInput).answers<typeof editSavedReplies>(),
  'space.savedReplies.delete': takes(z.strictObject({ projectKey, id: savedReplyId })).answers<typeof editSavedReplies>(),
  // In the inbox, for the chat's assignee and participants (R18).
  'conversation.savedReplies': takes(z.strictObject({ conversationId })).answers<typeof pickSavedReplies>(),
  'conversation.suggestReply': takes(z.strictObject({ conversationId })).answers<typeof suggestReply>(),
  'conversation.summary': takes(z.strictObject({ conversationId })).answers<typeof summarizeConversation>(),
  'conversation.customer': takes(z.strictObject({ conversationId })).answers<typeof showCustomerContext>(),

  // Not in PRODUCT.md's table: the live view on the space settings page (README "Operations beyond PRODUCT.md": LV1–LV4; R28: the space's admins).
  'space.liveView.get': takes(z.strictObject({ projectKey })).answers<typeof showLiveView>(),
  'space.liveView.takeBack': takes(z.strictObject({ projectKey, conversationId })).answers<typeof moveLiveChat>(),
  'space.liveView.reassign': takes(z.strictObject({ projectKey, conversationId, accountId })).answers<typeof moveLiveChat>()
} as const;

export type OperationName = keyof typeof OPERATION_CONTRACT;

/** Every operation's name, for code that lists them (the sandbox's scripting API). */
export const OPERATION_NAMES = Object.keys(OPERATION_CONTRACT) as [OperationName, ...OperationName[]];

type InputSchema<N extends OperationName> = (typeof OPERATION_CONTRACT)[N]['input'];

/** What a caller sends (the schema's input). */
export type OperationInput<N extends OperationName> = z.input<InputSchema<N>>;

/** What the handler receives once the payload is parsed (the schema's output: trimmed, defaults applied). */
export type ParsedInput<N extends OperationName> = z.output<InputSchema<N>>;

/** What the operation answers when it succeeds (a failure is `{ error: { code, message, fields? } }`). */
export type OperationResult<N extends OperationName> =
  (typeof OPERATION_CONTRACT)[N] extends Operation<z.ZodType, infer Result> ? Result : never;
