// The handlers manifest.yml names (`index.<name>`), and nothing else.
export { resolver } from './handlers/resolver';
export { escalateToHuman } from './handlers/escalate-to-human';
export { onChatTimer, onWorkItemJob, sweep, onSpaceCreated, onWorkItemUpdated } from './handlers/background';
