// The handlers manifest.yml names (`index.<name>`), and nothing else.
export { resolver } from './handlers/resolver';
export { escalateToHuman } from './handlers/escalate-to-human';
export { onWorkItemJob } from './handlers/work-item-jobs-consumer';
export { onSpaceCreated } from './handlers/space-triggers';
export { onWorkItemUpdated } from './handlers/work-item-trigger';
export { onChatTimer } from './handlers/chat-timers-consumer';
export { sweep } from './handlers/routing-sweep';
