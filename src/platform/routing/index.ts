import { kvsChatFeedback } from './kvs-chat-feedback';
import { kvsAttachmentStore } from './kvs-attachment-store';
import { kvsAppSecret, kvsChatSecrets } from './kvs-chat-secrets';
import { kvsChatStartLog } from './kvs-chat-start-log';
import { kvsMessageStore } from './kvs-message-store';
import { kvsRoutingStore } from './kvs-routing-store';
import { kvsReportStore } from './kvs-report-store';
import { queueChatTimers } from './queue-chat-timers';
import { realtimeChatPushes } from './realtime-chat-pushes';

/**
 * Routing's platform services, for the composition root (one set per invocation). `callers`,
 * `people` and `log` come from the spaces part (spacesPlatform()), `spaces` and `workItems` from src/composition.ts.
 */
export function routingPlatform() {
  const clock = { now: () => Date.now() };
  const secret = kvsAppSecret();
  return {
    clock,
    routing: kvsRoutingStore(),
    messages: kvsMessageStore(),
    attachments: kvsAttachmentStore(),
    chatTimers: queueChatTimers(clock.now),
    chatPushes: realtimeChatPushes(secret),
    chatSecrets: kvsChatSecrets(secret),
    chatStarts: kvsChatStartLog(),
    chatFeedback: kvsChatFeedback(),
    reports: kvsReportStore()
  };
}
