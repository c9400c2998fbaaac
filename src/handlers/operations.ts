/** The resolver operations of PRODUCT.md, the only way the frontends reach the backend. */
export const OPERATIONS = [
  'widget.status',
  'assistant.reply',
  'chat.start',
  'chat.resume',
  'chat.get',
  'chat.send',
  'chat.typing',
  'chat.end',
  'agent.me',
  'agent.setStatus',
  'agent.heartbeat',
  'offer.accept',
  'offer.decline',
  'conversation.get',
  'conversation.send',
  // Not in PRODUCT.md's table: the agent's typing signal, so the customer sees typing (R23).
  'conversation.typing',
  'conversation.resolve',
  'conversation.invite',
  'space.settings.get',
  'space.settings.save',
  'space.setup',
  'space.deactivate',
  'site.settings.get',
  'site.settings.save',
  // Not in PRODUCT.md's table: the Jira admin page's overview of every service space (README, "Operations beyond PRODUCT.md").
  'site.overview',
  // Not in PRODUCT.md's table: the agent tools (README "Operations beyond PRODUCT.md": SR1, SR2, AI1–AI3, CC1–CC3).
  'space.savedReplies.get',
  'space.savedReplies.save',
  'space.savedReplies.delete',
  'conversation.savedReplies',
  'conversation.suggestReply',
  'conversation.summary',
  'conversation.customer'
] as const;

export type OperationName = (typeof OPERATIONS)[number];
