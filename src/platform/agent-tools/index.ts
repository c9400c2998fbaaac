import { kvsSavedReplies } from './kvs-saved-replies';

/** The agent tools' platform (saved replies, SR1); the model, Jira and the flood windows come from the other parts. */
export function agentToolsPlatform() {
  return { savedReplies: kvsSavedReplies() };
}
