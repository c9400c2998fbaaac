import { z } from 'zod';
import { badRequest, KVS_ERROR } from './kvs-error';

/**
 * The request bodies @forge/kvs sends (storage-api.js, query.js, entity-query.js,
 * transaction-request-builder.js), as schemas: a body that does not fit is the platform's
 * 400 BAD_REQUEST "Provided request body is invalid".
 */
const metadataField = z.enum(['CREATED_AT', 'UPDATED_AT', 'EXPIRE_TIME']);
const readOptions = z.object({ metadataFields: z.array(metadataField).optional() }).optional();
/** "value: oneOf [string, boolean, number, array, object]": null and undefined are refused. */
const jsonValue = z.union([z.string(), z.number(), z.boolean(), z.array(z.unknown()), z.record(z.string(), z.unknown())]);
const ttl = z.object({ value: z.number().int().positive(), unit: z.enum(['SECONDS', 'MINUTES', 'HOURS', 'DAYS']) });
const writeOptions = z.object({ ttl: ttl.optional() }).optional();
const setOptions = z
  .object({
    ttl: ttl.optional(),
    keyPolicy: z.enum(['OVERRIDE', 'FAIL_IF_EXISTS']).optional(),
    returnValue: z.enum(['PREVIOUS', 'LATEST']).optional(),
    returnMetadataFields: z.array(metadataField).optional()
  })
  .optional();
const clause = z.object({ condition: z.string(), values: z.array(z.unknown()) });
const filterClause = clause.extend({ property: z.string() });
const filters = z.object({ and: z.array(filterClause).optional(), or: z.array(filterClause).optional() });
const entityName = z.string();

export const getRequest = z.object({ key: z.string(), options: readOptions });
export const setRequest = z.object({ key: z.string(), value: jsonValue, options: setOptions });
export const deleteRequest = z.object({ key: z.string() });
export const entityGetRequest = getRequest.extend({ entityName });
export const entitySetRequest = setRequest.extend({ entityName });
export const entityDeleteRequest = deleteRequest.extend({ entityName });

export const queryRequest = z.object({
  limit: z.number().int().optional(),
  after: z.string().optional(),
  where: z.array(filterClause).optional(),
  options: readOptions
});

export const entityQueryRequest = z.object({
  entityName,
  indexName: z.string(),
  partition: z.array(z.unknown()).optional(),
  range: clause.optional(),
  filters: filters.optional(),
  sort: z.enum(['ASC', 'DESC']).optional(),
  cursor: z.string().optional(),
  limit: z.number().int().optional(),
  options: readOptions
});

export const batchSetRequest = z.array(
  z.object({ key: z.string(), value: jsonValue, entityName: entityName.optional(), options: writeOptions })
);
export const batchGetRequest = z.array(z.object({ key: z.string(), entityName: entityName.optional(), options: readOptions }));
export const batchDeleteRequest = z.array(z.object({ key: z.string(), entityName: entityName.optional() }));

export const transactionRequest = z.object({
  set: z
    .array(
      z.object({
        key: z.string(),
        value: jsonValue,
        entityName: entityName.optional(),
        conditions: filters.optional(),
        options: writeOptions
      })
    )
    .optional(),
  delete: z.array(z.object({ key: z.string(), entityName: entityName.optional(), conditions: filters.optional() })).optional(),
  check: z.array(z.object({ key: z.string(), entityName, conditions: filters })).optional()
});

export type MetadataField = z.infer<typeof metadataField>;
export type Ttl = z.infer<typeof ttl>;
export type GetRequest = z.infer<typeof getRequest>;
export type SetRequest = z.infer<typeof setRequest>;
export type QueryRequest = z.infer<typeof queryRequest>;
export type EntityQueryRequest = z.infer<typeof entityQueryRequest>;
export type BatchSetRequest = z.infer<typeof batchSetRequest>;
export type BatchGetRequest = z.infer<typeof batchGetRequest>;
export type BatchDeleteRequest = z.infer<typeof batchDeleteRequest>;
export type TransactionRequest = z.infer<typeof transactionRequest>;

/** Parses a body already read as JSON against its schema, or throws the platform's BAD_REQUEST. */
export function parseRequest<T>(schema: z.ZodType<T>, json: unknown): T {
  const parsed = schema.safeParse(json);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const where = issue && issue.path.length > 0 ? ` at '${issue.path.join('.')}'` : '';
  throw badRequest(KVS_ERROR.badRequest, `Provided request body is invalid${where}: ${issue?.message ?? 'unexpected shape'}.`);
}
