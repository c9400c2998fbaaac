import { ATTRIBUTE_NAME_PATTERN, ENTITY_NAME_PATTERN, KVS_LIMITS, RESERVED_INDEX_NAME } from './kvs-limits';
import { badRequest, KVS_ERROR } from './kvs-error';

export type AttributeType = 'string' | 'integer' | 'float' | 'boolean' | 'any';

/** One entry of the manifest's `app.storage.entities`, as the sandbox takes it. */
export interface EntityDefinition {
  name: string;
  attributes: Record<string, { type: AttributeType }>;
  /** A bare attribute name is an index of that name ranged on that attribute. */
  indexes?: Array<string | { name: string; range: string[]; partition?: string[] }>;
}

export interface EntityIndex {
  name: string;
  partition: readonly string[];
  range: string;
}

export interface CompiledEntity {
  name: string;
  attributes: ReadonlyMap<string, AttributeType>;
  indexes: ReadonlyMap<string, EntityIndex>;
}

/**
 * The declared custom entities. Definitions are checked once, with the rules `forge lint` and
 * `forge deploy` apply to the manifest, so a definition Forge would refuse fails here at start-up.
 */
export class EntityCatalog {
  private readonly entities = new Map<string, CompiledEntity>();

  constructor(definitions: readonly EntityDefinition[] = []) {
    for (const definition of definitions) {
      if (this.entities.has(definition.name)) throw new Error(`Entity '${definition.name}' is defined twice.`);
      this.entities.set(definition.name, compile(definition));
    }
  }

  /** The entity a request names, or the error Forge answers for that name. */
  resolve(entityName: string): CompiledEntity {
    if (entityName.length < KVS_LIMITS.minEntityNameLength) {
      throw badRequest(
        KVS_ERROR.entityTypeTooShort,
        `The entity name '${entityName}' needs to be at least ${KVS_LIMITS.minEntityNameLength} characters.`
      );
    }
    if (entityName.length > KVS_LIMITS.maxEntityNameLength) {
      throw badRequest(
        KVS_ERROR.entityTypeTooLarge,
        `The entity name has exceeded the maximum ${KVS_LIMITS.maxEntityNameLength} characters.`
      );
    }
    if (!ENTITY_NAME_PATTERN.test(entityName)) {
      throw badRequest(KVS_ERROR.invalidEntityType, `The entity name '${entityName}' does not match the regex: ${ENTITY_NAME_PATTERN}`);
    }
    const entity = this.entities.get(entityName);
    if (!entity) throw badRequest(KVS_ERROR.invalidEntityType, `The entity '${entityName}' is not defined in the app's manifest.`);
    return entity;
  }

  names(): string[] {
    return [...this.entities.keys()];
  }
}

function compile(definition: EntityDefinition): CompiledEntity {
  const { name } = definition;
  const fail = (problem: string): never => {
    throw new Error(`Entity '${name}': ${problem}`);
  };
  if (name.length < KVS_LIMITS.minEntityNameLength || name.length > KVS_LIMITS.maxEntityNameLength || !ENTITY_NAME_PATTERN.test(name)) {
    fail(
      `the name must be ${KVS_LIMITS.minEntityNameLength}-${KVS_LIMITS.maxEntityNameLength} characters matching ${ENTITY_NAME_PATTERN}.`
    );
  }
  const attributes = new Map(Object.entries(definition.attributes).map(([attribute, { type }]) => [attribute, type]));
  if (attributes.size === 0) fail('it must contain at least one attribute.');
  if (attributes.size > KVS_LIMITS.maxEntityAttributes) fail(`it has more than ${KVS_LIMITS.maxEntityAttributes} attributes.`);
  for (const attribute of attributes.keys()) {
    if (!ATTRIBUTE_NAME_PATTERN.test(attribute) || attribute.length > KVS_LIMITS.maxAttributeNameLength) {
      fail(
        `attribute '${attribute}' must match ${ATTRIBUTE_NAME_PATTERN} and have at most ${KVS_LIMITS.maxAttributeNameLength} characters.`
      );
    }
  }
  const declared = definition.indexes ?? [];
  if (declared.length > KVS_LIMITS.maxEntityIndexes) fail(`it has more than ${KVS_LIMITS.maxEntityIndexes} indexes.`);
  const indexes = new Map<string, EntityIndex>();
  for (const entry of declared) {
    const index =
      typeof entry === 'string' ? { name: entry, range: [entry], partition: [] } : { ...entry, partition: entry.partition ?? [] };
    if (index.name === RESERVED_INDEX_NAME) fail(`the index name '${RESERVED_INDEX_NAME}' is reserved.`);
    if (indexes.has(index.name)) fail(`index '${index.name}' is defined twice.`);
    for (const attribute of [...index.range, ...index.partition]) {
      if (!attributes.has(attribute)) fail(`index '${index.name}' refers to '${attribute}', which is not an attribute.`);
    }
    // The manifest allows a list, but Forge's docs and queries only ever range on one attribute.
    if (index.range.length !== 1) fail(`index '${index.name}' must range on exactly one attribute in the sandbox.`);
    indexes.set(index.name, { name: index.name, partition: index.partition, range: index.range[0] });
  }
  return { name, attributes, indexes };
}
