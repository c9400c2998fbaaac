/**
 * Turns a parsed JQL query into a filter and an order over the site's issues. Values are checked
 * as Jira checks them (an unknown project, status or user is an error, not an empty result), and
 * `!=` / `NOT IN` never match an empty field, as in Jira.
 */
import { STATUS_CATEGORIES, STATUSES, TEAM_FIELD_ID, statusById, type StatusCategoryKey } from '../field-catalog';
import type { IssueRecord } from '../site-model';
import { APP_ACCOUNT, type SiteState } from '../site-state';
import type { Principal } from '../permissions';
import { JqlError, type JqlNode, type JqlQuery, type JqlValue } from './jql-parser';

export interface JqlScope {
  state: SiteState;
  principal: Principal;
  now: number;
  /** Projects the caller cannot browse do not exist as far as their JQL is concerned. */
  canSeeProject: (projectId: string) => boolean;
}

type Getter = (issue: IssueRecord) => Array<string | number>;

const FIELD_ALIASES: Record<string, string> = {
  project: 'project',
  key: 'key',
  issuekey: 'key',
  issue: 'key',
  id: 'key',
  labels: 'labels',
  label: 'labels',
  status: 'status',
  statuscategory: 'statusCategory',
  assignee: 'assignee',
  reporter: 'reporter',
  created: 'created',
  createddate: 'created',
  updated: 'updated',
  updateddate: 'updated',
  team: 'team',
  'cf[10001]': 'team',
  [TEAM_FIELD_ID]: 'team'
};

const unknownValue = (value: string, field: string) => new JqlError(`The value '${value}' does not exist for the field '${field}'.`);

function canonicalField(name: string): string {
  const field = FIELD_ALIASES[name.toLowerCase()];
  if (!field)
    throw new JqlError(
      `Field '${name}' does not exist or you do not have permission to view it. (The sandbox answers only the JQL subset in sandbox/jira/README.md.)`
    );
  return field;
}

function parseDate(text: string, now: number): number {
  const relative = /^([-+]?)(\d+)([mhdw])$/.exec(text);
  if (relative) {
    const unit = { m: 60_000, h: 3_600_000, d: 86_400_000, w: 604_800_000 }[relative[3] as 'm' | 'h' | 'd' | 'w'];
    return now + (relative[1] === '-' ? -1 : 1) * Number(relative[2]) * unit;
  }
  const absolute = /^(\d{4})[-/](\d{2})[-/](\d{2})(?: (\d{2}):(\d{2}))?$/.exec(text);
  if (!absolute)
    throw new JqlError(
      `Date value '${text}' for field 'created' is invalid. Valid formats include: 'yyyy/MM/dd HH:mm', 'yyyy-MM-dd HH:mm', 'yyyy/MM/dd', 'yyyy-MM-dd', or a period format e.g. '-5d', '4w 2d'.`
    );
  const [, y, mo, d, h = '00', mi = '00'] = absolute;
  return Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi));
}

function resolveValue(scope: JqlScope, field: string, value: JqlValue): string | number | null {
  if (value.kind === 'empty') return null;
  if (value.kind === 'function') {
    if (value.name.toLowerCase() === 'currentuser' && (field === 'assignee' || field === 'reporter')) {
      return scope.principal.kind === 'user' ? scope.principal.accountId : APP_ACCOUNT.accountId;
    }
    throw new JqlError(`Unable to find JQL function '${value.name}()'.`);
  }
  const text = value.text;
  switch (field) {
    case 'project': {
      const project = scope.state.projects.find(
        (p) => p.key.toLowerCase() === text.toLowerCase() || p.id === text || p.name.toLowerCase() === text.toLowerCase()
      );
      if (!project || !scope.canSeeProject(project.id)) throw unknownValue(text, 'project');
      return project.id;
    }
    case 'key': {
      const issue = scope.state.issue(text);
      if (!issue || !scope.canSeeProject(issue.projectId))
        throw new JqlError(`An issue with key '${text}' does not exist for field 'key'.`);
      return issue.id;
    }
    case 'status': {
      const status = STATUSES.find((s) => s.id === text || s.name.toLowerCase() === text.toLowerCase());
      if (!status) throw unknownValue(text, 'status');
      return status.id;
    }
    case 'statusCategory': {
      const entry = (Object.entries(STATUS_CATEGORIES) as Array<[StatusCategoryKey, { id: number; name: string }]>).find(
        ([key, c]) => key === text.toLowerCase() || c.name.toLowerCase() === text.toLowerCase() || String(c.id) === text
      );
      if (!entry) throw unknownValue(text, 'statusCategory');
      return entry[0];
    }
    case 'assignee':
    case 'reporter':
      if (!scope.state.user(text)) throw unknownValue(text, field);
      return text;
    case 'team':
      if (!scope.state.teams.has(text)) throw unknownValue(text, 'Team');
      return text;
    case 'created':
    case 'updated':
      return parseDate(text, scope.now);
    default:
      return text;
  }
}

const GETTERS: Record<string, Getter> = {
  project: (i) => [i.projectId],
  key: (i) => [i.id],
  labels: (i) => i.fields.labels,
  status: (i) => [i.fields.statusId],
  statusCategory: (i) => [statusById(i.fields.statusId).category],
  assignee: (i) => (i.fields.assignee ? [i.fields.assignee] : []),
  reporter: (i) => (i.fields.reporter ? [i.fields.reporter] : []),
  team: (i) => (i.fields.team ? [i.fields.team] : []),
  created: (i) => [i.created],
  updated: (i) => [i.updated]
};

type Predicate = (issue: IssueRecord) => boolean;

function compileClause(scope: JqlScope, node: Extract<JqlNode, { kind: 'clause' }>): Predicate {
  const field = canonicalField(node.field);
  const get = GETTERS[field];
  const values = node.values.map((v) => resolveValue(scope, field, v));
  const isDate = field === 'created' || field === 'updated';
  switch (node.operator) {
    case 'is':
    case 'is not': {
      if (values[0] !== null) throw new JqlError(`The operator '${node.operator.toUpperCase()}' only supports EMPTY or NULL.`);
      return node.operator === 'is' ? (i) => get(i).length === 0 : (i) => get(i).length > 0;
    }
    case '=':
    case 'in':
      return (i) => values.some((v) => (v === null ? get(i).length === 0 : get(i).includes(v)));
    case '!=':
    case 'not in':
      return (i) => get(i).length > 0 && !values.some((v) => v !== null && get(i).includes(v));
    case '<':
    case '<=':
    case '>':
    case '>=': {
      if (!isDate || typeof values[0] !== 'number')
        throw new JqlError(`The operator '${node.operator}' is not supported by the '${node.field}' field.`);
      const bound = values[0];
      const test = {
        '<': (x: number) => x < bound,
        '<=': (x: number) => x <= bound,
        '>': (x: number) => x > bound,
        '>=': (x: number) => x >= bound
      }[node.operator];
      return (i) => get(i).some((x) => typeof x === 'number' && test(x));
    }
    default:
      throw new JqlError(`The operator '${node.operator}' is not supported by the '${node.field}' field.`);
  }
}

function compile(scope: JqlScope, node: JqlNode): Predicate {
  if (node.kind === 'clause') return compileClause(scope, node);
  if (node.kind === 'not') {
    const inner = compile(scope, node.child);
    return (i) => !inner(i);
  }
  const parts = node.children.map((child) => compile(scope, child));
  return node.kind === 'and' ? (i) => parts.every((p) => p(i)) : (i) => parts.some((p) => p(i));
}

const SORT_KEYS: Record<string, (i: IssueRecord) => number> = {
  created: (i) => i.created,
  updated: (i) => i.updated,
  key: (i) => Number(i.id)
};

export function compileQuery(scope: JqlScope, query: JqlQuery): { filter: Predicate; compare: (a: IssueRecord, b: IssueRecord) => number } {
  // The enhanced search refuses queries with no restriction at all.
  if (!query.where) throw new JqlError('Unbounded JQL queries are not allowed here. Please add a search restriction to your query.');
  const filter = compile(scope, query.where);
  const order = query.orderBy.length > 0 ? query.orderBy : [{ field: 'created', direction: 'desc' as const }];
  const keys = order.map(({ field, direction }) => {
    const canonical = field.toLowerCase() === 'issuekey' ? 'key' : field.toLowerCase();
    const key = SORT_KEYS[canonical];
    if (!key) throw new JqlError(`Not able to sort using field '${field}'. (The sandbox sorts by created, updated and key.)`);
    return { key, sign: direction === 'desc' ? -1 : 1 };
  });
  const compare = (a: IssueRecord, b: IssueRecord) => {
    for (const { key, sign } of keys) if (key(a) !== key(b)) return (key(a) - key(b)) * sign;
    return Number(b.id) - Number(a.id);
  };
  return { filter, compare };
}
