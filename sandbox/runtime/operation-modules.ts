/**
 * Which UI module serves each resolver operation of PRODUCT.md: the scripting API invokes an
 * operation "exactly as the bridge would", so it must come from the module whose page calls it,
 * with that module's extension context.
 */
export type SurfaceModule =
  'live-chat-widget' | 'live-chat-inbox' | 'live-chat-transcript' | 'live-chat-space-settings' | 'live-chat-admin';

export function moduleForOperation(operation: string, opts: { issueKey?: string }): SurfaceModule {
  const [area] = operation.split('.');
  switch (area) {
    case 'widget':
    case 'assistant':
    case 'chat':
      return 'live-chat-widget';
    case 'agent':
    case 'offer':
    case 'conversation':
      // The issue panel reads a conversation from its work item; everything else is the inbox.
      return opts.issueKey && operation === 'conversation.get' ? 'live-chat-transcript' : 'live-chat-inbox';
    case 'space':
      return 'live-chat-space-settings';
    case 'site':
      return 'live-chat-admin';
    default:
      throw new Error(`unknown operation '${operation}'`);
  }
}
