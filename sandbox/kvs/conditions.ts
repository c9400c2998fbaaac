import { badRequest, KVS_ERROR } from './kvs-error';

/** The conditions @forge/kvs sends (conditions.js): FilterConditions, of which WhereConditions are a subset. */
export const FILTER_CONDITIONS: ReadonlySet<string> = new Set([
  'BEGINS_WITH',
  'BETWEEN',
  'CONTAINS',
  'NOT_CONTAINS',
  'EQUAL_TO',
  'NOT_EQUAL_TO',
  'EXISTS',
  'NOT_EXISTS',
  'GREATER_THAN',
  'GREATER_THAN_EQUAL_TO',
  'LESS_THAN',
  'LESS_THAN_EQUAL_TO'
]);
export const RANGE_CONDITIONS: ReadonlySet<string> = new Set([
  'BEGINS_WITH',
  'BETWEEN',
  'EQUAL_TO',
  'GREATER_THAN',
  'GREATER_THAN_EQUAL_TO',
  'LESS_THAN',
  'LESS_THAN_EQUAL_TO'
]);

export interface Clause {
  condition: string;
  values: unknown[];
}

export interface FilterClause extends Clause {
  property: string;
}

export interface FilterGroup {
  operator: 'and' | 'or';
  clauses: FilterClause[];
}

/** Refuses a clause whose condition is not allowed here or whose value count does not fit it. */
export function checkClause(clause: Clause, allowed: ReadonlySet<string>): void {
  if (!allowed.has(clause.condition)) {
    throw badRequest(KVS_ERROR.invalidFilterCondition, `The condition '${clause.condition}' is not supported here.`);
  }
  const wanted = clause.condition === 'BETWEEN' ? 2 : 1;
  if (clause.values.length < wanted && wanted === 2) {
    throw badRequest(KVS_ERROR.insufficientFilterValues, 'The BETWEEN condition needs at least two values.');
  }
  if (clause.values.length !== wanted) {
    throw badRequest(
      KVS_ERROR.invalidFilterValues,
      `The condition '${clause.condition}' takes ${wanted} value(s), not ${clause.values.length}.`
    );
  }
}

/** `{ and: [...] }` or `{ or: [...] }`, never both and never empty (Forge's filter errors). */
export function parseFilterGroup(filters: { and?: FilterClause[]; or?: FilterClause[] }): FilterGroup {
  if (filters.and && filters.or) {
    throw badRequest(KVS_ERROR.invalidFilterOperatorsCombination, 'Filter operators "and" and "or" cannot be present at the same level.');
  }
  const operator = filters.or ? 'or' : 'and';
  const clauses = filters[operator];
  if (!clauses || clauses.length === 0) {
    throw badRequest(KVS_ERROR.emptyFilterOperator, 'Filter operators "and" and "or" cannot be empty.');
  }
  for (const clause of clauses) checkClause(clause, FILTER_CONDITIONS);
  return { operator, clauses };
}

/** Whether an entity value (undefined: no such item) satisfies a filter group. */
export function matchesGroup(value: Record<string, unknown> | undefined, group: FilterGroup): boolean {
  const test = (clause: FilterClause) => matchesClause(value?.[clause.property], clause);
  return group.operator === 'and' ? group.clauses.every(test) : group.clauses.some(test);
}

/**
 * One condition against an attribute value (undefined: the attribute is absent). Comparisons
 * across types are false; the negative conditions are the negation of their positive ones, so
 * NOT_EQUAL_TO and NOT_CONTAINS hold for an absent attribute.
 */
export function matchesClause(actual: unknown, { condition, values }: Clause): boolean {
  const [first, second] = values;
  switch (condition) {
    case 'EXISTS':
      return actual !== undefined;
    case 'NOT_EXISTS':
      return actual === undefined;
    case 'EQUAL_TO':
      return actual !== undefined && sameValue(actual, first);
    case 'NOT_EQUAL_TO':
      return !(actual !== undefined && sameValue(actual, first));
    case 'CONTAINS':
      return contains(actual, first);
    case 'NOT_CONTAINS':
      return !contains(actual, first);
    case 'BEGINS_WITH':
      return typeof actual === 'string' && (typeof first === 'string' || typeof first === 'number') && actual.startsWith(String(first));
    case 'BETWEEN':
      return (
        comparable(actual, first) && comparable(actual, second) && compareValues(actual, first) >= 0 && compareValues(actual, second) <= 0
      );
    case 'GREATER_THAN':
      return comparable(actual, first) && compareValues(actual, first) > 0;
    case 'GREATER_THAN_EQUAL_TO':
      return comparable(actual, first) && compareValues(actual, first) >= 0;
    case 'LESS_THAN':
      return comparable(actual, first) && compareValues(actual, first) < 0;
    case 'LESS_THAN_EQUAL_TO':
      return comparable(actual, first) && compareValues(actual, first) <= 0;
    default:
      return false;
  }
}

/** A total order: booleans, then numbers, then strings (by code point, as the platform's UTF-8 order), then the rest. */
export function compareValues(a: unknown, b: unknown): number {
  const rank = typeRank(a) - typeRank(b);
  if (rank !== 0) return rank;
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  if (typeof a === 'boolean' && typeof b === 'boolean') return Number(a) - Number(b);
  if (typeof a === 'string' && typeof b === 'string') return compareStrings(a, b);
  return compareStrings(JSON.stringify(a), JSON.stringify(b));
}

/** Code-point order, which is UTF-8 byte order; plain `<` on JS strings is UTF-16 order and differs above U+D7FF. */
export function compareStrings(a: string, b: string): number {
  if (a === b) return 0;
  const length = Math.min(a.length, b.length);
  for (let i = 0; i < length; i++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x !== y) return codePointWeight(x) - codePointWeight(y);
  }
  return a.length - b.length;
}

function codePointWeight(unit: number): number {
  // Surrogates (supplementary code points) sort after every BMP character.
  if (unit >= 0xd800 && unit <= 0xdfff) return unit + 0x2000;
  return unit >= 0xe000 ? unit - 0x800 : unit;
}

function typeRank(value: unknown): number {
  if (typeof value === 'boolean') return 0;
  if (typeof value === 'number') return 1;
  if (typeof value === 'string') return 2;
  return 3;
}

function comparable(a: unknown, b: unknown): boolean {
  return (typeof a === 'number' && typeof b === 'number') || (typeof a === 'string' && typeof b === 'string');
}

function sameValue(a: unknown, b: unknown): boolean {
  return a === b || (typeof a === 'object' && typeof b === 'object' && JSON.stringify(a) === JSON.stringify(b));
}

function contains(actual: unknown, needle: unknown): boolean {
  if (typeof actual === 'string') return typeof needle === 'string' && actual.includes(needle);
  if (Array.isArray(actual)) return actual.some((item) => sameValue(item, needle));
  return false;
}
