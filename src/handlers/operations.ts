/** The resolver operations of PRODUCT.md, the only way the frontends reach the backend. */
export const OPERATIONS = [
  'widget.status',
  'assistant.reply',
  'chat.start',
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
  'conversation.resolve',
  'conversation.invite',
  'space.settings.get',
  'space.settings.save',
  'space.setup',
  'space.deactivate',
  'site.settings.get',
  'site.settings.save'
] as const;

export type OperationName = (typeof OPERATIONS)[number];
