import { checkClause, compareStrings, compareValues, matchesClause, matchesGroup, parseFilterGroup, RANGE_CONDITIONS } from './conditions';
import type { EntityIndex } from './entity-definitions';
import { badRequest, KVS_ERROR } from './kvs-error';
import { KVS_LIMITS } from './kvs-limits';
import { ok, type KvsOpContext, type OpResult } from './kvs-op-context';
import type { EntityQueryRequest } from './kvs-requests';
import { decodeCursor, encodeCursor } from './query-cursor';
import { entityNamespace, recordBytes, type StoredRecord } from './stored-record';
import { wireItem } from './wire-item';

interface IndexEntry {
  record: StoredRecord;
  value: Record<string, unknown>;
  rangeValue: unknown;
}

/**
 * `kvs.entity(name).query().index(...)`: the items the index holds (those with every partition
 * attribute and the range attribute), in the partition asked for, ordered by the range
 * attribute then key. As on the platform's underlying store, the page limit is applied before
 * the filters, so a page can hold fewer items than the limit (even none) and still have a cursor.
 */
export function queryEntities(ctx: KvsOpContext, request: EntityQueryRequest): OpResult {
  const entity = ctx.entities.resolve(request.entityName);
  const index = entity.indexes.get(request.indexName);
  if (!index) {
    throw badRequest(KVS_ERROR.invalidEntityIndex, `The index '${request.indexName}' is not defined for the entity '${entity.name}'.`);
  }
  const partition = partitionOf(index, request.partition);
  if (request.range) checkClause(request.range, RANGE_CONDITIONS);
  const filters = request.filters && parseFilterGroup(request.filters);
  const limit = request.limit ?? KVS_LIMITS.defaultQueryLimit;
  if (limit < 1 || limit > KVS_LIMITS.maxQueryLimit) {
    throw badRequest(KVS_ERROR.complexQueryPageLimit, `The page limit must be set between 1 and ${KVS_LIMITS.maxQueryLimit}.`);
  }
  const direction = request.sort === 'DESC' ? -1 : 1;
  const scope = ['entity.query', entity.name, index.name, partition, direction];
  const after = request.cursor === undefined ? undefined : decodeCursor(request.cursor, scope);

  const order = (a: { rangeValue: unknown; key: string }, b: { rangeValue: unknown; key: string }) =>
    direction * (compareValues(a.rangeValue, b.rangeValue) || compareStrings(a.key, b.key));
  const entries = indexEntries(ctx, entity.name, index)
    .filter((entry) =>
      partition.every((value, i) => matchesClause(entry.value[index.partition[i]], { condition: 'EQUAL_TO', values: [value] }))
    )
    .filter((entry) => !request.range || matchesClause(entry.rangeValue, request.range))
    .filter((entry) => !after || order(keyed(entry), { rangeValue: after[0], key: String(after[1]) }) > 0)
    .sort((a, b) => order(keyed(a), keyed(b)));

  const scanned = entries.slice(0, limit);
  const results = filters ? scanned.filter((entry) => matchesGroup(entry.value, filters)) : scanned;
  const last = scanned[scanned.length - 1];
  const cursor = entries.length > limit && last ? encodeCursor(scope, [last.rangeValue, last.record.key]) : undefined;
  ctx.usage.read(
    'entity.query',
    Math.max(1, results.length),
    results.reduce((sum, e) => sum + recordBytes(e.record.key, e.record.json), 0)
  );
  return ok({ data: results.map((entry) => wireItem(entry.record, request.options?.metadataFields)), ...(cursor ? { cursor } : {}) });
}

/** A partitioned index is queried one partition at a time: one value for each partition attribute. */
function partitionOf(index: EntityIndex, partition: unknown[] | undefined): unknown[] {
  const given = partition ?? [];
  if (given.length !== index.partition.length) {
    throw badRequest(
      KVS_ERROR.badRequest,
      index.partition.length === 0
        ? `The index '${index.name}' has no partition.`
        : `The index '${index.name}' is partitioned by [${index.partition.join(', ')}]: give one value for each.`
    );
  }
  return given;
}

function indexEntries(ctx: KvsOpContext, entityName: string, index: EntityIndex): IndexEntry[] {
  const entries: IndexEntry[] = [];
  // Eventually consistent, as Forge documents entity queries: a write shows only after its lag.
  for (const record of ctx.listForQuery(entityNamespace(entityName))) {
    if (!ctx.isLive(record, ctx.now)) continue;
    const value = JSON.parse(record.json) as Record<string, unknown>;
    // Like any sparse index, an item missing an indexed attribute is not in the index.
    if (value[index.range] === undefined || index.partition.some((attribute) => value[attribute] === undefined)) continue;
    entries.push({ record, value, rangeValue: value[index.range] });
  }
  return entries;
}

function keyed(entry: IndexEntry): { rangeValue: unknown; key: string } {
  return { rangeValue: entry.rangeValue, key: entry.record.key };
}
