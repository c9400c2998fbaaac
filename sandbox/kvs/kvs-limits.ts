/**
 * The limits Forge documents for the Key-Value Store and the Custom Entity Store, in one place so
 * every operation enforces the same numbers. Sources (developer.atlassian.com/platform/forge/…):
 * limits-kvs-ce, storage-reference/handling-errors-kvs, handling-errors-customentities,
 * transactions, entities-batch, and the manifest validator shipped in @forge/manifest.
 */
export const KVS_LIMITS = {
  /** "Key length 500: maximum length of a key" (KVS and custom entities alike). */
  maxKeyLength: 500,
  /** "Value size 240 KiB: maximum size of a single persisted value (in RAW)". */
  maxValueBytes: 240 * 1024,
  /**
   * The limits page says object depth 31, the error table says MAX_DEPTH at 32. We enforce the
   * stricter 31 so nothing that passes here can fail on the platform.
   */
  maxObjectDepth: 31,
  /** "Each transaction can contain a maximum of 25 operations" and each key at most once. */
  maxTransactionOperations: 25,
  /** "Each batch operation can contain a maximum of 25 keys." */
  maxBatchItems: 25,
  /** Transactions and batchSet: "limited to a payload size of 4MB". */
  maxRequestPayloadBytes: 4 * 1024 * 1024,
  /** KVS list queries: "Limit for list query should be below 100"; entity queries: "between 1 and 100". */
  maxQueryLimit: 100,
  /** Undocumented default page size; a small one keeps callers honest about paginating. */
  defaultQueryLimit: 10,
  /** Entity names: "more than 3 characters" / "maximum 60 characters" (ENTITY_TYPE_TOO_SHORT / _TOO_LARGE). */
  minEntityNameLength: 3,
  maxEntityNameLength: 60,
  /** Manifest validator: at most 50 attributes of at most 30 characters, at most 7 indexes per entity. */
  maxEntityAttributes: 50,
  maxAttributeNameLength: 30,
  maxEntityIndexes: 7,
  /** Custom entity `integer` attributes are 32-bit signed. */
  minInteger: -2_147_483_648,
  maxInteger: 2_147_483_647,
  /** Custom entity `float` attributes: 0, or a magnitude within DynamoDB's number range. */
  minFloatMagnitude: 1e-130,
  maxFloatMagnitude: 9.999999999999999e125
} as const;

/** "/^(?!\s+$)[a-zA-Z0-9:._\s-#]+$/": letters, digits, `:._-#` and whitespace, but not only whitespace. */
export const KEY_PATTERN = /^(?!\s+$)[a-zA-Z0-9:._\s\-#]+$/;

/** Entity names, as the manifest schema and INVALID_ENTITY_TYPE describe them. */
export const ENTITY_NAME_PATTERN = /^(?![_.-])(?!.*\.{2})[a-z0-9:\-_.]*(?<![.])$/;

/** Attribute names, as the manifest schema describes them. */
export const ATTRIBUTE_NAME_PATTERN = /^[a-zA-Z][a-zA-Z0-9_]*$/;

/** The manifest reserves this index name for the platform's own key index. */
export const RESERVED_INDEX_NAME = 'by-key';
