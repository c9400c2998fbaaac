/** Display names of Jira users (R23: the customer sees the agent's name). */
export interface People {
  /** null when unknown or Jira cannot say now; callers carry on without a name. */
  displayName(accountId: string): Promise<string | null>;
}
