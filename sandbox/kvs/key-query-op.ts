import { checkClause, compareStrings } from './conditions';
import { badRequest, KVS_ERROR } from './kvs-error';
import { KVS_LIMITS } from './kvs-limits';
import { ok, type KvsOpContext, type OpResult } from './kvs-op-context';
import type { QueryRequest } from './kvs-requests';
import { decodeCursor, encodeCursor } from './query-cursor';
import { KEY_NAMESPACE, recordBytes } from './stored-record';
import { wireItem } from './wire-item';

const BEGINS_WITH_ONLY: ReadonlySet<string> = new Set(['BEGINS_WITH']);

/**
 * `kvs.query()`: plain keys (never secrets or entities) in key order, optionally those starting
 * with a prefix, a page at a time. The cursor marks the last key returned, so every key is
 * returned once across the pages however the store changes in between. Like entity queries,
 * eventually consistent: a recent write may not show yet (kvs-consistency.ts).
 */
export function queryKeys(ctx: KvsOpContext, request: QueryRequest): OpResult {
  const limit = request.limit ?? KVS_LIMITS.defaultQueryLimit;
  if (limit < 1 || limit > KVS_LIMITS.maxQueryLimit) {
    throw badRequest(KVS_ERROR.listQueryLimitExceeded, `Limit for list query should be between 1 and ${KVS_LIMITS.maxQueryLimit}.`);
  }
  const prefix = prefixOf(request.where);
  const scope = ['kvs.query', prefix];
  const [after] = request.after === undefined ? [] : decodeCursor(request.after, scope);
  const records = ctx
    .listForQuery(KEY_NAMESPACE, prefix)
    .filter((record) => ctx.isLive(record, ctx.now) && (typeof after !== 'string' || compareStrings(record.key, after) > 0))
    .sort((a, b) => compareStrings(a.key, b.key));
  const page = records.slice(0, limit);
  const last = page[page.length - 1];
  const cursor = records.length > limit && last ? encodeCursor(scope, [last.key]) : undefined;
  ctx.usage.read(
    'query',
    Math.max(1, page.length),
    page.reduce((sum, r) => sum + recordBytes(r.key, r.json), 0)
  );
  return ok({ data: page.map((record) => wireItem(record, request.options?.metadataFields)), ...(cursor ? { cursor } : {}) });
}

/** KVS queries take at most one `where`, on `key`, with BEGINS_WITH (Forge's QUERY_WHERE_* errors). */
function prefixOf(where: QueryRequest['where']): string {
  if (where === undefined || where.length === 0) return '';
  if (where.length > 1) throw badRequest(KVS_ERROR.queryWhereInvalid, 'KVS queries should contain only a single "where" clause.');
  const [clause] = where;
  if (clause.property !== 'key') {
    throw badRequest(KVS_ERROR.queryWhereFieldInvalid, `The field '${clause.property}' is not supported for filters.`);
  }
  checkClause(clause, BEGINS_WITH_ONLY);
  const [prefix] = clause.values;
  if (typeof prefix !== 'string' && typeof prefix !== 'number') {
    throw badRequest(KVS_ERROR.invalidFilterValues, 'BEGINS_WITH takes a string.');
  }
  return String(prefix);
}
