import type { AttachmentRef } from '../../domain';

/** An upload in progress or done: what its first part declared and checked, and how far it got. */
export interface UploadRecord extends Omit<AttachmentRef, 'jiraId'> {
  readonly conversationId: string;
  /** Who sends it: the customer (R24's secret) or an agent on the chat (R18). */
  readonly sender: { readonly role: 'customer' } | { readonly role: 'agent'; readonly agentId: string };
  /** An attempt to post it to Jira began (its answer may have been lost): a retry looks on the work item first. */
  readonly attempted: boolean;
  /** Jira's attachment id, once the file is on the work item (so a retry does not post it again). */
  readonly jiraId: string | null;
  /** The chat message that shows it, once written (a retry answers this one). */
  readonly seq: number | null;
}

/**
 * The parts of a file on its way to the work item, and kept for previews while the chat's
 * messages are (R30: they expire with them). Each part is one KVS value (base64).
 */
export interface AttachmentStore {
  upload(conversationId: string, uploadId: string): Promise<UploadRecord | null>;
  /** Writes the record only if the upload id is not taken yet; false when it is. */
  begin(record: UploadRecord): Promise<boolean>;
  update(record: UploadRecord): Promise<void>;
  putPart(conversationId: string, uploadId: string, part: number, base64: string): Promise<void>;
  /** The parts asked for, in order; a part not stored is null. */
  parts(conversationId: string, uploadId: string, indexes: readonly number[]): Promise<(string | null)[]>;
}
