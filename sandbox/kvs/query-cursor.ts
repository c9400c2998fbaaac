import { createHash } from 'node:crypto';
import { badRequest, KVS_ERROR } from './kvs-error';

/**
 * Query cursors: an opaque token holding the position after the last item of a page and a
 * fingerprint of the query it belongs to. A position (not an offset) means items written or
 * deleted between pages never make a key come back twice or be skipped; the fingerprint means
 * a cursor handed to a different query is refused instead of silently misread.
 */
export function encodeCursor(scope: unknown, position: unknown[]): string {
  return Buffer.from(JSON.stringify({ s: fingerprint(scope), p: position }), 'utf8').toString('base64url');
}

export function decodeCursor(cursor: string, scope: unknown): unknown[] {
  try {
    const decoded = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as { s?: unknown; p?: unknown };
    if (decoded.s === fingerprint(scope) && Array.isArray(decoded.p)) return decoded.p;
  } catch {
    // Fall through to the refusal below: a cursor that is not ours is as invalid as a mismatched one.
  }
  throw badRequest(KVS_ERROR.invalidCursor, 'The cursor is not valid for this query.');
}

function fingerprint(scope: unknown): string {
  return createHash('sha256').update(JSON.stringify(scope)).digest('base64url').slice(0, 16);
}
