import { KEY_PATTERN, KVS_LIMITS } from './kvs-limits';
import { badRequest, KVS_ERROR } from './kvs-error';

/** Plain keys and secrets report an empty key as KEY_TOO_SHORT; the entity store says EMPTY_KEY. */
export type KeyFlavour = 'kvs' | 'entity';

/** Throws the documented 400 for a key the platform refuses. */
export function checkKey(key: string, flavour: KeyFlavour): void {
  if (key.length === 0) {
    throw flavour === 'kvs'
      ? badRequest(KVS_ERROR.keyTooShort, 'The provided key needs to be at least one character.')
      : badRequest(KVS_ERROR.emptyKey, 'Key cannot be empty.');
  }
  if (key.length > KVS_LIMITS.maxKeyLength) {
    throw badRequest(KVS_ERROR.keyTooLong, `The provided key has exceeded the maximum ${KVS_LIMITS.maxKeyLength} characters.`);
  }
  if (!KEY_PATTERN.test(key)) {
    throw badRequest(KVS_ERROR.invalidKey, `The provided key does not match the regex: ${KEY_PATTERN}`);
  }
}

/**
 * Checks a value against the size and depth limits and returns the JSON text to store. The
 * size is measured on that JSON text, the value's raw form on the wire.
 */
export function checkValue(value: unknown): string {
  const json = JSON.stringify(value);
  const bytes = Buffer.byteLength(json, 'utf8');
  if (bytes > KVS_LIMITS.maxValueBytes) {
    throw badRequest(
      KVS_ERROR.maxSize,
      `The provided value has exceeded the maximum size limit (${bytes} > ${KVS_LIMITS.maxValueBytes} bytes).`
    );
  }
  if (depthOf(value) > KVS_LIMITS.maxObjectDepth) {
    throw badRequest(KVS_ERROR.maxDepth, `The provided value has exceeded the maximum object depth (${KVS_LIMITS.maxObjectDepth}) limit.`);
  }
  return json;
}

/** Throws MAX_SIZE when a whole request body (transaction, batch) is over the payload limit. */
export function checkPayload(body: string): void {
  const bytes = Buffer.byteLength(body, 'utf8');
  if (bytes > KVS_LIMITS.maxRequestPayloadBytes) {
    throw badRequest(KVS_ERROR.maxSize, `The request payload has exceeded the maximum size of 4MB (${bytes} bytes).`);
  }
}

/** Scalars have depth 0; an object or array is one deeper than its deepest member. */
function depthOf(value: unknown): number {
  // Iterative, so a hostile 10,000-deep value cannot overflow the stack before it is refused.
  let deepest = 0;
  const pending: Array<{ value: unknown; depth: number }> = [{ value, depth: 0 }];
  while (pending.length > 0) {
    const { value: current, depth } = pending.pop() as { value: unknown; depth: number };
    if (current === null || typeof current !== 'object') continue;
    const own = depth + 1;
    deepest = Math.max(deepest, own);
    if (deepest > KVS_LIMITS.maxObjectDepth) return deepest;
    for (const child of Object.values(current)) pending.push({ value: child, depth: own });
  }
  return deepest;
}
