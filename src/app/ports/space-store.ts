import type { SiteSettings, SpaceSettings } from '../../domain';

/**
 * What the app stores per service space (its settings record) and per site, and how it
 * reaches them. Settings saves are conditional on `version`, so two admins saving at once
 * never lose each other's change silently (the second is retried on the fresh record).
 */
export interface StoredSpace {
  readonly projectKey: string;
  /**
   * How the app learned of the space: `created`, from Jira's space-created event (a space
   * newer than the app: live chat starts on); `seen`, on a first read of a space with no
   * record (older than the app: off), remembered so later reads need not ask Jira again.
   */
  readonly origin: 'created' | 'seen';
  readonly projectId: string;
  readonly projectName: string;
  /** JSM's id for the space's service desk (its portal), '' until known. */
  readonly serviceDeskId: string;
  readonly settings: SpaceSettings;
  /** R27: no new chats; running chats continue. Cleared by setting live chat up again. */
  readonly deactivated: boolean;
  readonly setUpAt: number | null;
  readonly setUpBy: string | null;
  /** The Team field's id on this site (R15), looked up at setup. */
  readonly teamFieldId: string | null;
  /** The site's base URL (for chat links), looked up with the service desk. */
  readonly siteUrl: string;
  /** The record's version: every save writes `version + 1` on condition that it is still `version`. */
  readonly version: number;
}

/** R3/R4: the space's agents as last read from Jira, and when. */
export interface SpaceAgents {
  readonly teamId: string | null;
  /** The team's name as Atlassian shows it; null without a team. */
  readonly teamName: string | null;
  readonly agentIds: readonly string[];
  /** Members of the team; 0 without a team. More than 100 means R4 applies. */
  readonly teamSize: number;
  readonly refreshedAt: number;
}

export type SaveOutcome = 'saved' | 'conflict';

export interface SpaceStore {
  get(projectKey: string): Promise<StoredSpace | null>;
  /** Writes `space` (with version + 1) if the stored version is still `space.version` (0: no record yet). */
  save(space: StoredSpace): Promise<SaveOutcome>;
  agents(projectKey: string): Promise<SpaceAgents | null>;
  /** Many spaces' records and agents caches at once (batched reads; the site overview). Absent ones are null. */
  many(projectKeys: readonly string[]): Promise<Map<string, { readonly space: StoredSpace | null; readonly agents: SpaceAgents | null }>>;
  /** Replaces the cached agents and the agent → spaces index (only the accounts that changed are written). */
  saveAgents(projectKey: string, previous: SpaceAgents | null, next: SpaceAgents): Promise<void>;
  spacesOfAgent(accountId: string): Promise<string[]>;
  /**
   * R22 on the portal: the space (project key) of a portal (JSM's service desk id), as last
   * written by `save` (every record that knows its service desk) or `rememberPortal`; null when unknown.
   */
  spaceOfPortal(serviceDeskId: string): Promise<string | null>;
  rememberPortal(serviceDeskId: string, projectKey: string): Promise<void>;
}

export interface SiteStore {
  settings(): Promise<SiteSettings>;
  saveSettings(settings: SiteSettings): Promise<void>;
}
