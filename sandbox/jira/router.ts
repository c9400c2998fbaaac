/**
 * One request through the fake site, whichever door it came in by (the Forge seam or HTTP):
 * meter it, ask the fault injector, check who is calling and the app's scopes, find the route,
 * run it, and render any error in the route's API family. Literal path segments win over
 * parameters, so `/project/search` is not read as the project `search`.
 */
import type { FaultInjector } from '../runtime/faults';
import type { UsageMeter } from '../runtime/usage-meter';
import { JiraError, notAuthenticated, renderError, scopeMismatch, type ApiFamily, type JiraReply } from './jira-errors';
import type { SiteEvents } from './issue-events';
import type { Principal } from './permissions';
import type { RouteDef } from './route-kit';
import type { SiteState } from './site-state';
import { faultReply } from './fault-replies';
import { withProfileVisibility } from './profile-visibility';

export interface JiraCall {
  method: string;
  /** Path without the query string. */
  path: string;
  query: URLSearchParams;
  /** Parsed JSON body; undefined when none was sent. */
  body: unknown;
  principal: Principal;
  /** Whether the call came through Forge, where the app's scopes apply. */
  viaForge: boolean;
}

export interface RouterDeps {
  state: SiteState;
  events: SiteEvents;
  meter: UsageMeter;
  faults: FaultInjector;
  now: () => number;
  appScopes: ReadonlySet<string>;
}

interface Match {
  route: RouteDef;
  params: Record<string, string>;
}

function matchTemplate(template: string, path: string): Record<string, string> | null {
  const want = template.split('/');
  const got = path.replace(/\/+$/, '').split('/');
  if (want.length !== got.length) return null;
  const params: Record<string, string> = {};
  for (let i = 0; i < want.length; i++) {
    const param = /^\{(\w+)\}$/.exec(want[i]);
    if (param) params[param[1]] = decodeURIComponent(got[i]);
    else if (want[i] !== got[i]) return null;
  }
  return params;
}

const literalCount = (template: string) => template.split('/').filter((s) => !s.startsWith('{')).length;

export class JiraRouter {
  private readonly routes: RouteDef[];

  constructor(
    routes: RouteDef[],
    private readonly deps: RouterDeps
  ) {
    this.routes = [...routes].sort((a, b) => literalCount(b.template) - literalCount(a.template));
  }

  private find(method: string, path: string): { match?: Match; pathExists: boolean; family: ApiFamily } {
    let pathExists = false;
    for (const route of this.routes) {
      const params = matchTemplate(route.template, path);
      if (!params) continue;
      pathExists = true;
      if (route.method === method) return { match: { route, params }, pathExists, family: route.family };
    }
    return { pathExists, family: path.startsWith('/rest/servicedeskapi') ? 'servicedesk' : 'platform' };
  }

  handle(call: JiraCall): JiraReply {
    const { match, pathExists, family } = this.find(call.method, call.path);
    const template = match?.route.template ?? call.path;
    this.deps.meter.record('jira.requests', 1, `${call.method} ${template}`);
    const fault = this.deps.faults.take('jira', `${call.method} ${call.path}`);
    if (fault) return faultReply(fault, this.deps.now());
    try {
      if (!match) {
        if (pathExists) throw new JiraError(405, [`Method ${call.method} is not allowed for ${call.path}.`]);
        throw new JiraError(404, [`The sandbox's Jira does not serve ${call.method} ${call.path} (see sandbox/jira/README.md).`]);
      }
      if (call.principal.kind === 'anonymous') throw notAuthenticated();
      if (call.viaForge && !match.route.scopes.every((scope) => this.deps.appScopes.has(scope))) throw scopeMismatch();
      const reply = match.route.handle({
        state: this.deps.state,
        principal: call.principal,
        params: match.params,
        query: call.query,
        body: call.body,
        now: this.deps.now(),
        events: this.deps.events
      });
      return reply.body === undefined ? reply : { ...reply, body: withProfileVisibility(reply.body, this.deps.state, call.principal) };
    } catch (error) {
      if (error instanceof JiraError) return renderError(error, family);
      throw error;
    }
  }
}
