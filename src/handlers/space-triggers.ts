import { z } from 'zod';
import { recordNewSpace } from '../app/spaces/record-new-space';
import { composeApp } from '../composition';

// Forge does not promise `projectTypeKey` in this payload (recordNewSpace looks it up when missing).
const event = z.object({
  project: z.object({ id: z.coerce.string(), key: z.string().min(1), name: z.string(), projectTypeKey: z.string().optional() })
});

/** `avi:jira:created:project`: a space created after install starts with live chat on (settings table). */
export async function onSpaceCreated(payload: unknown): Promise<void> {
  const parsed = event.safeParse(payload);
  if (!parsed.success) {
    console.error(JSON.stringify({ event: 'space-created-unreadable', error: parsed.error.message }));
    return;
  }
  await recordNewSpace(composeApp(), parsed.data.project);
}
