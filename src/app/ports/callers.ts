/**
 * R28: who is calling, checked on the server (owned by the authorization part of the backend).
 * Each check resolves from Jira's permissions (cached briefly in storage) and throws an
 * AppError('forbidden') when the caller may not act; resolvers call one check before any work.
 */
export interface Callers {
  requireSiteAdmin(accountId: string | undefined): Promise<void>;
  requireSpaceAdmin(accountId: string | undefined, projectKey: string): Promise<void>;
  /** The space's agent permission (R3's permission; team membership alone is not enough to read Jira). */
  requireSpaceAgent(accountId: string | undefined, projectKey: string): Promise<void>;
  /** True when the account is an agent of at least one space (the inbox's operations). */
  isAgentAnywhere(accountId: string | undefined): Promise<boolean>;
}
