import type { SpaceConfig } from '../../domain';

/**
 * What routing needs to know of spaces (owned by the spaces/settings part of the backend).
 * `config.agentIds` are the space's agents per R3, `config.teamSize` the Team's size (R4).
 */
export interface SpaceRecord {
  readonly config: SpaceConfig;
  /** Set by "Deactivate" (R27): no new chats; running chats continue. */
  readonly deactivated: boolean;
  /** The Team field's id on this site (e.g. customfield_10001), when a team is set (R15). */
  readonly teamFieldId: string | null;
  readonly serviceDeskId: string;
  readonly projectName: string;
}

export interface SpaceDirectory {
  /** The space's live chat record, or null when the project is unknown or not a service space. */
  get(projectKey: string): Promise<SpaceRecord | null>;
  /** The spaces (project keys) whose agents include `accountId`: where a slot freed by this agent may be filled. */
  spacesOfAgent(accountId: string): Promise<readonly string[]>;
  /** R5: the one site-wide Maximum conversations. */
  maxConversations(): Promise<number>;
}
