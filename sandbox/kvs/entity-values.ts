import { KVS_LIMITS } from './kvs-limits';
import { badRequest, KVS_ERROR } from './kvs-error';
import type { AttributeType, CompiledEntity } from './entity-definitions';

export type EntityValue = Record<string, unknown>;

/**
 * Checks a value against its entity's attributes: an object whose every attribute is declared
 * and holds its declared type (INVALID_ENTITY_VALUE otherwise). Undeclared attributes are
 * refused rather than stored, so a value that passes here also passes on the platform.
 */
export function checkEntityValue(entity: CompiledEntity, value: unknown): EntityValue {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw invalid(entity, 'the value must be an object of attributes');
  }
  for (const [attribute, attributeValue] of Object.entries(value)) {
    const type = entity.attributes.get(attribute);
    if (!type) throw invalid(entity, `'${attribute}' is not an attribute of the entity`);
    if (!hasType(attributeValue, type)) throw invalid(entity, `'${attribute}' must be of type ${type}`);
  }
  return value as EntityValue;
}

function hasType(value: unknown, type: AttributeType): boolean {
  switch (type) {
    case 'any':
      return true;
    case 'string':
      return typeof value === 'string';
    case 'boolean':
      return typeof value === 'boolean';
    case 'integer':
      return Number.isInteger(value) && (value as number) >= KVS_LIMITS.minInteger && (value as number) <= KVS_LIMITS.maxInteger;
    case 'float': {
      if (typeof value !== 'number') return false;
      const magnitude = Math.abs(value);
      return magnitude === 0 || (magnitude >= KVS_LIMITS.minFloatMagnitude && magnitude <= KVS_LIMITS.maxFloatMagnitude);
    }
  }
}

function invalid(entity: CompiledEntity, problem: string) {
  return badRequest(KVS_ERROR.invalidEntityValue, `Entity values must match the types defined for '${entity.name}': ${problem}.`);
}
