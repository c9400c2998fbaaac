/** What every agent tool on a chat is called with: the caller (undefined when anonymous) and the chat. */
export interface AgentToolInput {
  readonly accountId: string | undefined;
  readonly conversationId: string;
}
