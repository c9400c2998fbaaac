import type { AttachmentStore } from './ports/attachment-store';
import type { Callers } from './ports/callers';
import type { ChatFeedback } from './ports/chat-feedback';
import type { ChatPushes } from './ports/chat-pushes';
import type { MessageStore } from './ports/chat-messages';
import type { ChatSecrets } from './ports/chat-secrets';
import type { ChatTimers } from './ports/chat-timers';
import type { People } from './ports/people';
import type { ReportStore } from './ports/report-store';
import type { RoutingStore } from './ports/routing-store';
import type { SpaceDirectory } from './ports/space-directory';
import type { WorkItems } from './ports/work-items';

/** What the use cases receive: the ports the platform implements (built in src/composition.ts). */
export interface AppDeps {
  readonly clock: { now(): number };
  readonly routing: RoutingStore;
  readonly messages: MessageStore;
  readonly attachments: AttachmentStore;
  readonly chatTimers: ChatTimers;
  readonly chatPushes: ChatPushes;
  readonly chatSecrets: ChatSecrets;
  readonly people: People;
  readonly spaces: SpaceDirectory;
  readonly callers: Callers;
  readonly workItems: WorkItems;
  /** W1's accept times, X1's ratings. */
  readonly chatFeedback: ChatFeedback;
  /** RP1: the reports' day records. */
  readonly reports: ReportStore;
  /** One structured line per problem the caller cannot see (logs are billed). */
  readonly log: (event: string, fields: Record<string, unknown>) => void;
}
