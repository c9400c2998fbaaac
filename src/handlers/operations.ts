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
  // Not in PRODUCT.md's table (README, "Operations beyond PRODUCT.md"): H3's after-hours request, X1's rating.
  'chat.leaveRequest',
  'chat.rate',
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
  'site.overview'
] as const;

export type OperationName = (typeof OPERATIONS)[number];
