/** The app's secret, kept in Forge's secret store, and what is derived from it. */
export interface ChatSecrets {
  /**
   * R24: the customer's secret for a conversation, derived from the app's secret, so a
   * repeated escalation (R25) can hand the same secret out again without storing it.
   */
  chatToken(conversationId: string): Promise<string>;
}
