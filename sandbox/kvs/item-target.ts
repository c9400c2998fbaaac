import type { CompiledEntity } from './entity-definitions';
import { checkEntityValue } from './entity-values';
import type { KvsOpContext } from './kvs-op-context';
import { entityNamespace, KEY_NAMESPACE, SECRET_NAMESPACE, type Namespace, type StoredRecord } from './stored-record';
import { checkKey, checkValue, type KeyFlavour } from './value-rules';

/** Where an item lives: plain keys, secrets, or one custom entity (whose values are typed). */
export interface ItemTarget {
  namespace: Namespace;
  flavour: KeyFlavour;
  entity?: CompiledEntity;
}

export const KEY_TARGET: ItemTarget = { namespace: KEY_NAMESPACE, flavour: 'kvs' };
export const SECRET_TARGET: ItemTarget = { namespace: SECRET_NAMESPACE, flavour: 'kvs' };

/** A plain key when no entity is named (batches and transactions mix both), else that entity. */
export function targetFor(ctx: KvsOpContext, entityName: string | undefined): ItemTarget {
  if (entityName === undefined) return KEY_TARGET;
  const entity = ctx.entities.resolve(entityName);
  return { namespace: entityNamespace(entity.name), flavour: 'entity', entity };
}

/** Validates a write's key and value for its target and returns the JSON text to store. */
export function checkWrite(target: ItemTarget, key: string, value: unknown): string {
  checkKey(key, target.flavour);
  const json = checkValue(value);
  if (target.entity) checkEntityValue(target.entity, value);
  return json;
}

/** The item as readers see it now (strongly consistent): undefined when absent or deleted after its TTL. */
export function readLive(ctx: KvsOpContext, target: ItemTarget, key: string): StoredRecord | undefined {
  const record = ctx.store.read(target.namespace, key);
  return ctx.isLive(record, ctx.now) ? record : undefined;
}
