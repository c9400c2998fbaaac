/**
 * Queue consumers, the scheduled sweep and product event triggers. They acknowledge every
 * delivery until the backend (issue 4) gives them work; nothing is queued before then.
 */
export async function onChatTimer(): Promise<void> {}
export async function onWorkItemJob(): Promise<void> {}
export async function sweep(): Promise<void> {}
export async function onSpaceCreated(): Promise<void> {}
export async function onWorkItemUpdated(): Promise<void> {}
