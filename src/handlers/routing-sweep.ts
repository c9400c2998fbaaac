import { sweepRouting } from '../app/routing/sweep-routing';
import { composeApp } from '../composition';

/** Every 5 minutes (manifest `chat-sweep`): repairs what lost queue deliveries left undone. */
export async function sweep(): Promise<void> {
  try {
    await sweepRouting(composeApp());
  } catch (error) {
    console.error(JSON.stringify({ event: 'sweep.failed', error: String(error) }));
  }
}
