import { EntityCatalog, type EntityDefinition } from './entity-definitions';

/** Definitions Forge's manifest validation refuses must fail when the sandbox starts, not on first use. */
describe('entity definitions (the manifest rules for app.storage.entities)', () => {
  const valid: EntityDefinition = { name: 'conversation', attributes: { status: { type: 'string' } }, indexes: ['status'] };
  const refused = (definition: Partial<EntityDefinition>) => () => new EntityCatalog([{ ...valid, ...definition }]);

  it('accepts a well-formed definition and resolves it by name', () => {
    const catalog = new EntityCatalog([valid]);
    expect(catalog.resolve('conversation').indexes.get('status')).toEqual({ name: 'status', partition: [], range: 'status' });
  });

  it('refuses names that are too short, too long or badly formed', () => {
    expect(refused({ name: 'ab' })).toThrow(/name must be 3-60/);
    expect(refused({ name: 'e'.repeat(61) })).toThrow(/name must be 3-60/);
    expect(refused({ name: 'Upper' })).toThrow(/name must be/);
    expect(refused({ name: 'dots..twice' })).toThrow(/name must be/);
  });

  it('refuses no attributes, more than 50, and attribute names that are malformed or over 30 characters', () => {
    expect(refused({ attributes: {}, indexes: [] })).toThrow(/at least one attribute/);
    const many = Object.fromEntries(Array.from({ length: 51 }, (_, i) => [`a${i}`, { type: 'string' as const }]));
    expect(refused({ attributes: many, indexes: [] })).toThrow(/more than 50 attributes/);
    expect(refused({ attributes: { '1st': { type: 'string' } }, indexes: [] })).toThrow(/attribute '1st'/);
    expect(refused({ attributes: { ['a'.repeat(31)]: { type: 'string' } }, indexes: [] })).toThrow(/at most 30 characters/);
  });

  it('refuses more than 7 indexes, the reserved by-key name, duplicates and unknown attributes', () => {
    const attributes = Object.fromEntries(Array.from({ length: 8 }, (_, i) => [`a${i}`, { type: 'string' as const }]));
    expect(refused({ attributes, indexes: Object.keys(attributes) })).toThrow(/more than 7 indexes/);
    expect(refused({ indexes: [{ name: 'by-key', range: ['status'] }] })).toThrow(/reserved/);
    expect(refused({ indexes: ['status', 'status'] })).toThrow(/defined twice/);
    expect(refused({ indexes: [{ name: 'by-x', range: ['missing'] }] })).toThrow(/not an attribute/);
    expect(refused({ indexes: [{ name: 'by-x', range: ['status'], partition: ['missing'] }] })).toThrow(/not an attribute/);
  });

  it('refuses the same entity defined twice', () => {
    expect(() => new EntityCatalog([valid, valid])).toThrow(/defined twice/);
  });
});
