/**
 * R28: who is calling, checked on the server (owned by the authorization part of the backend).
 * Each check resolves from Jira's permissions (cached briefly in storage) and throws an
 * AppError('forbidden') when the caller may not act; resolvers call one check before any work.
 *
 * `accountId` is always the invocation's OWN user (the platform context's accountId): Jira is
 * asked as that user, because a Forge app may not ask Jira about anyone else's permissions.
 * Never pass another account (an invitee, a chat's agent): what the app knows of others comes
 * from the space's agents (SpaceDirectory, R3) and what their own invocations proved.
 */
export interface Callers {
  requireSiteAdmin(accountId: string | undefined): Promise<void>;
  requireSpaceAdmin(accountId: string | undefined, projectKey: string): Promise<void>;
  /** The space's agent permission (R3's permission; team membership alone is not enough to read Jira). */
  requireSpaceAgent(accountId: string | undefined, projectKey: string): Promise<void>;
  /** True when the account is an agent of at least one space (the inbox's operations). */
  isAgentAnywhere(accountId: string | undefined): Promise<boolean>;
  /**
   * The same, asked of Jira now (a refusal is kept a minute, a grant not at all): for a heartbeat,
   * which records the proof on the agent's roster entry with its presence (agent-caller.ts).
   */
  proveAgentAnywhere(accountId: string): Promise<boolean>;
}
