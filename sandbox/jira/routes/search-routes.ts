/**
 * JQL search through the enhanced endpoint (`/rest/api/3/search/jql`, GET and POST) with
 * `nextPageToken` paging. The old `/rest/api/3/search` answers 410 Gone with Atlassian's removal
 * notice. Only issues the caller can browse are searched.
 */
import { createHash } from 'node:crypto';
import { JiraError } from '../jira-errors';
import { compileQuery } from '../jql/jql-eval';
import { JqlError, parseJql } from '../jql/jql-parser';
import { canBrowse } from '../permissions';
import { fieldFilter, renderIssue } from '../render/render-issue';
import { INVALID_PAYLOAD, intParam, listParam, ok, parseBody, type RouteContext, type RouteDef } from '../route-kit';
import { SearchJqlBody } from '../schemas/request-bodies';

const TOKEN_LIFETIME_MS = 7 * 24 * 3_600_000;
const ID_FIELDS = ['id', 'key'];

interface SearchInput {
  jql: string;
  nextPageToken?: string;
  maxResults?: number;
  fields: string[];
  expand: string[];
}

const digest = (jql: string) => createHash('sha256').update(jql).digest('hex').slice(0, 16);

function encodeToken(offset: number, jql: string, now: number): string {
  return Buffer.from(JSON.stringify({ o: offset, q: digest(jql), t: now })).toString('base64url');
}

/** Tokens are bound to their query and expire after 7 days, as Atlassian documents. */
function decodeToken(token: string, jql: string, now: number): number {
  try {
    const parsed = JSON.parse(Buffer.from(token, 'base64url').toString('utf8')) as { o?: unknown; q?: unknown; t?: unknown };
    if (typeof parsed.o === 'number' && parsed.q === digest(jql) && typeof parsed.t === 'number' && now - parsed.t <= TOKEN_LIFETIME_MS)
      return parsed.o;
  } catch {
    // fall through: an unreadable token is as invalid as an expired one
  }
  throw new JiraError(400, ['The provided next page token is invalid or expired.']);
}

function search(ctx: RouteContext, input: SearchInput) {
  const fields = fieldFilter(input.fields, 'id');
  const onlyIds = input.fields.flatMap((f) => f.split(',')).every((f) => ID_FIELDS.includes(f.trim()));
  // Page size shrinks when full issues are asked for; ids alone page up to 5,000.
  const cap = onlyIds ? 5000 : 100;
  const maxResults = input.maxResults ?? 50;
  if (maxResults < 1) throw new JiraError(400, ['maxResults must be greater than 0.']);
  let compiled;
  try {
    compiled = compileQuery(
      {
        state: ctx.state,
        principal: ctx.principal,
        now: ctx.now,
        canSeeProject: (id) => {
          const project = ctx.state.project(id);
          return !!project && canBrowse(ctx.state, ctx.principal, project);
        }
      },
      parseJql(input.jql)
    );
  } catch (error) {
    if (error instanceof JqlError) throw new JiraError(400, [error.message]);
    throw error;
  }
  const offset = input.nextPageToken ? decodeToken(input.nextPageToken, input.jql, ctx.now) : 0;
  const matches = ctx.state
    .issues()
    .filter((issue) => {
      const project = ctx.state.project(issue.projectId);
      return !!project && canBrowse(ctx.state, ctx.principal, project) && compiled.filter(issue);
    })
    .sort(compiled.compare);
  const page = matches.slice(offset, offset + Math.min(maxResults, cap));
  const isLast = offset + page.length >= matches.length;
  const expand = new Set(input.expand.flatMap((e) => e.split(',')).map((e) => e.trim()));
  const issues = page.map((issue) => renderIssue(ctx.state, issue, ctx.state.project(issue.projectId)!, { fields, expand, now: ctx.now }));
  // The last page carries no token at all (not a null one), as the live API answers.
  return ok({ issues, ...(isLast ? {} : { nextPageToken: encodeToken(offset + page.length, input.jql, ctx.now) }), isLast });
}

const READ = ['read:jira-work'];

const searchGet: RouteDef = {
  method: 'GET',
  template: '/rest/api/3/search/jql',
  family: 'platform',
  scopes: READ,
  handle(ctx) {
    const max = ctx.query.get('maxResults');
    return search(ctx, {
      jql: ctx.query.get('jql') ?? '',
      nextPageToken: ctx.query.get('nextPageToken') ?? undefined,
      maxResults: max === null ? undefined : intParam(ctx.query, 'maxResults', 50),
      fields: listParam(ctx.query, 'fields'),
      expand: listParam(ctx.query, 'expand')
    });
  }
};

const searchPost: RouteDef = {
  method: 'POST',
  template: '/rest/api/3/search/jql',
  family: 'platform',
  scopes: READ,
  handle(ctx) {
    const body = parseBody(ctx, SearchJqlBody);
    // Limits Jira documents for the bean that jira.js's schema does not encode.
    const errors: Record<string, string> = {};
    if (body.maxResults !== undefined && !Number.isInteger(body.maxResults)) errors.maxResults = 'maxResults must be an integer.';
    if ((body.properties?.length ?? 0) > 5) errors.properties = 'A maximum of 5 issue properties can be requested.';
    if ((body.reconcileIssues?.length ?? 0) > 50) errors.reconcileIssues = 'A maximum of 50 issues can be reconciled.';
    if (body.reconcileIssues?.some((id) => !Number.isInteger(id))) errors.reconcileIssues = 'reconcileIssues takes issue ids.';
    if (Object.keys(errors).length > 0) throw new JiraError(400, [INVALID_PAYLOAD], errors);
    return search(ctx, {
      jql: body.jql ?? '',
      nextPageToken: body.nextPageToken,
      maxResults: body.maxResults,
      fields: body.fields ?? [],
      expand: body.expand ? [body.expand] : []
    });
  }
};

const REMOVED =
  'The requested API has been removed. Please migrate to the /rest/api/3/search/jql API. A full migration guideline is available at https://developer.atlassian.com/changelog/#CHANGE-2046';

const removedSearch = (method: 'GET' | 'POST'): RouteDef => ({
  method,
  template: '/rest/api/3/search',
  family: 'platform',
  scopes: READ,
  handle() {
    throw new JiraError(410, [REMOVED]);
  }
});

export const SEARCH_ROUTES: RouteDef[] = [searchGet, searchPost, removedSearch('GET'), removedSearch('POST')];
