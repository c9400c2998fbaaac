/**
 * An error the KVS service answers with. The body is `{ code, message, ...context }`, the shape
 * @forge/kvs's checkResponseError turns into a ForgeKvsAPIError carrying `code` and `context`.
 * Codes are the documented ones where Forge documents them; the few it leaves undocumented
 * (marked below) are the sandbox's choice and listed in the README.
 */
export class KvsError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly context?: Record<string, unknown>
  ) {
    super(message);
    this.name = 'KvsError';
  }

  body(): Record<string, unknown> {
    return { code: this.code, message: this.message, ...(this.context ? { context: this.context } : {}) };
  }
}

/** Error codes the service uses, so tests and the README name them from one list. */
export const KVS_ERROR = {
  badRequest: 'BAD_REQUEST',
  keyNotFound: 'KEY_NOT_FOUND',
  keyTooShort: 'KEY_TOO_SHORT',
  emptyKey: 'EMPTY_KEY',
  keyTooLong: 'KEY_TOO_LONG',
  invalidKey: 'INVALID_KEY',
  maxSize: 'MAX_SIZE',
  maxDepth: 'MAX_DEPTH',
  invalidFilterCondition: 'INVALID_FILTER_CONDITION',
  invalidFilterValues: 'INVALID_FILTER_VALUES',
  listQueryLimitExceeded: 'LIST_QUERY_LIMIT_EXCEEDED',
  queryWhereInvalid: 'QUERY_WHERE_INVALID',
  queryWhereFieldInvalid: 'QUERY_WHERE_FIELD_INVALID',
  entityTypeTooShort: 'ENTITY_TYPE_TOO_SHORT',
  entityTypeTooLarge: 'ENTITY_TYPE_TOO_LARGE',
  invalidEntityType: 'INVALID_ENTITY_TYPE',
  invalidEntityValue: 'INVALID_ENTITY_VALUE',
  invalidEntityIndex: 'INVALID_ENTITY_INDEX',
  complexQueryPageLimit: 'COMPLEX_QUERY_PAGE_LIMIT_NOT_IN_RANGE',
  emptyFilterOperator: 'EMPTY_FILTER_OPERATOR',
  invalidFilterOperatorsCombination: 'INVALID_FILTER_OPERATORS_COMBINATION',
  insufficientFilterValues: 'INSUFFICIENT_FILTER_VALUES',
  rateLimitExceeded: 'RATE_LIMIT_EXCEEDED',
  tooManyRequests: 'TOO_MANY_REQUESTS',
  internalServerError: 'INTERNAL_SERVER_ERROR',
  // Undocumented by Forge: the sandbox's names.
  conditionalCheckFailed: 'CONDITIONAL_CHECK_FAILED',
  keyConflict: 'KEY_CONFLICT',
  tooManyOperations: 'TOO_MANY_OPERATIONS',
  duplicateKeys: 'DUPLICATE_KEYS',
  invalidCursor: 'INVALID_CURSOR',
  unauthenticated: 'UNAUTHENTICATED',
  notFound: 'NOT_FOUND'
} as const;

export type KvsErrorCode = (typeof KVS_ERROR)[keyof typeof KVS_ERROR];

export function badRequest(code: KvsErrorCode, message: string, context?: Record<string, unknown>): KvsError {
  return new KvsError(400, code, message, context);
}
