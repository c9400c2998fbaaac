import path from 'node:path';
import { createEventsService, type EventsService } from '../events/events-service';
import { createJiraSite, type JiraSite } from '../jira/jira-site';
import { SUPPORT_TEAM_ID, demoAppInstalledAt, demoSite } from '../jira/demo-site';
import type { SiteFixture } from '../jira/site-model';
import type { SiteSnapshot } from '../jira/site-state';
import { createKvsService, type KvsService } from '../kvs/kvs-service';
import type { EntityDefinition } from '../kvs/entity-definitions';
import type { KvsConsistencyOptions } from '../kvs/kvs-consistency';
import { createLlmService } from '../llm/llm-service';
import { createRealtimeService, type RealtimeService } from '../realtime/realtime-service';
import { AppHost, type ExtensionContext } from './app-host';
import { readAppManifest, type AppManifest } from './app-manifest';
import { forgeIdentity } from './forge-identity';
import { forgeLicense, type LicenseSetting } from './forge-license';
import { SandboxClock } from './clock';
import { FaultInjector } from './faults';
import { ForgeSeam } from './forge-seam';
import { moduleForOperation } from './operation-modules';
import { UsageMeter } from './usage-meter';
import { InvocationDurations } from './invocation-durations';
import { installLogMeter } from './log-meter';

/**
 * One Forge installation on one fake Jira site: the seam, every platform service, the app host
 * and the clock, composed. Tests create one in-process; `npm start` serves one over HTTP.
 */
export interface SandboxOptions {
  /** 'memory' (tests) or a SQLite file that survives restarts (npm start). */
  storage?: 'memory' | { sqlitePath: string };
  fixture?: 'demo' | 'empty';
  /** Virtual time to start at (defaults to the clock's own start: the real now, see clock.ts). */
  startAt?: number;
  /** The app's entry module; defaults to src/index.ts, unmodified. */
  appExports?: Record<string, unknown>;
  /** R31: what the platform reports for the app's license (`{ active }`, Forge's shape); undefined = no license applies. */
  license?: LicenseSetting;
  faultSeed?: number;
  /** A fake Jira site saved by `jira.snapshot()`: restores the site instead of the fixture. */
  jiraSnapshot?: SiteSnapshot;
  /**
   * Count the lines the app logs inside invocations (the bench, the soak, npm start): the
   * console is patched for that (log-meter.ts), which test runners' output would blame for every line.
   */
  meterLogs?: boolean;
  /** KVS query lag and TTL deletion lag, as on Forge (sandbox/kvs/kvs-consistency.ts); none by default. */
  kvs?: KvsConsistencyOptions;
}

const PROJECT_ROOT = path.resolve(__dirname, '..', '..');

/** src/index.ts, unmodified; loaded on first use, after the Forge seam is installed. */
function loadAppEntry(): Record<string, unknown> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- must run after the seam is installed, not at import
  return require('../../src/index') as Record<string, unknown>;
}

export type Fixture = 'demo' | 'empty';

/** The site a fixture names, as of `now` (virtual time: the demo's history is relative to it). */
export function fixtureSite(fixture: Fixture, now: number): SiteFixture {
  if (fixture === 'demo') return demoSite(now);
  return { users: [], siteAdmins: [], teams: [], projects: [] };
}

export class Sandbox {
  readonly clock: SandboxClock;
  readonly meter = new UsageMeter();
  /** Each invocation's modelled duration on Forge (invocation-durations.ts): the soak prints their p50 and p99. */
  readonly durations = new InvocationDurations();
  readonly faults: FaultInjector;
  readonly seam: ForgeSeam;
  readonly manifest: AppManifest;
  readonly host: AppHost;
  readonly kvs: KvsService;
  readonly events: EventsService;
  readonly realtime: RealtimeService;
  readonly jira: JiraSite;
  license: LicenseSetting | undefined;
  /** When the app was installed on this site (the demo's spaces created later are announced as new). */
  readonly appInstalledAt: number;

  constructor(options: SandboxOptions = {}) {
    this.clock = new SandboxClock(options.startAt);
    this.appInstalledAt = demoAppInstalledAt(this.clock.now());
    this.faults = new FaultInjector(options.faultSeed);
    this.license = options.license;
    this.seam = new ForgeSeam(this.clock);
    this.manifest = readAppManifest(path.join(PROJECT_ROOT, 'manifest.yml'));
    const services = { clock: this.clock, meter: this.meter, faults: this.faults };
    this.kvs = createKvsService({
      ...services,
      store: options.storage ?? 'memory',
      entities: this.manifest.entities as EntityDefinition[],
      consistency: options.kvs
    });
    this.realtime = createRealtimeService({
      ...services,
      contextOf: (invocation) => (invocation.extension ? { moduleKey: invocation.moduleKey, extension: invocation.extension } : undefined)
    });
    this.events = createEventsService({ ...services, deliver: (queue, event) => this.host.deliverToConsumer(queue, event) });
    this.jira = createJiraSite({
      ...services,
      site: fixtureSite(options.fixture ?? 'demo', this.clock.now()),
      snapshot: options.jiraSnapshot,
      appScopes: this.manifest.scopes,
      // Jira delivers product events asynchronously, at least once, shortly after the change.
      emit: (eventType, payload) =>
        void this.clock.schedule(this.clock.now(), () => this.host.fireProductEvent(eventType, payload), eventType)
    });
    this.kvs.register(this.seam);
    this.realtime.register(this.seam);
    // requestGraph shares fpp:stargate with queue pushes: the events service hands GraphQL to the site.
    this.events.register(this.seam, this.jira.graphqlHandler);
    createLlmService(services).register(this.seam);
    this.jira.register(this.seam);
    this.seam.install();
    // Forge sets up its runtime before it loads the app's code, and SDKs read it at import
    // (@forge/llm does): so the app's entry is loaded only once the seam is installed.
    const exportsOfApp = options.appExports ?? loadAppEntry();
    this.host = new AppHost({
      manifest: this.manifest,
      exports: exportsOfApp,
      clock: this.clock,
      meter: this.meter,
      durations: this.durations,
      appAccountId: this.jira.appAccountId,
      license: () => forgeLicense(this.license),
      identify: (accountId) => forgeIdentity((id) => this.jira.user(id), accountId)
    });
    if (options.meterLogs) installLogMeter();
    this.host.startSchedules();
  }

  /**
   * Makes the demo site what the README describes, through the app's own front doors: Jira
   * announces the spaces created after the install (SUP), then SUP's admin sets up live chat
   * with the Support team. Every agent stays Offline.
   */
  async seedDemo(): Promise<void> {
    for (const key of ['SUP', 'HR']) {
      const project = this.jira.project(key);
      if (project && project.createdAt > this.appInstalledAt) this.jira.announceProjectCreated(key);
    }
    await this.settle();
    const asSupAdmin = (operation: string, payload: Record<string, unknown>) =>
      this.invoke({ operation, payload: { projectKey: 'SUP', ...payload }, as: 'admin-sup', projectKey: 'SUP' });
    for (const answer of [await asSupAdmin('space.setup', {}), await asSupAdmin('space.settings.save', { teamId: SUPPORT_TEAM_ID })]) {
      if (answer && typeof answer === 'object' && 'error' in answer) throw new Error(`demo setup failed: ${JSON.stringify(answer)}`);
    }
    await this.settle();
  }

  /**
   * Runs one resolver operation through the module that serves it, as `as` (null: an anonymous
   * visitor, whom the app host names to the app as Forge does: `accountId: 'unidentified'`).
   */
  async invoke(request: {
    operation: string;
    payload: unknown;
    as: string | null;
    projectKey?: string;
    issueKey?: string;
  }): Promise<unknown> {
    const moduleKey = moduleForOperation(request.operation, { issueKey: request.issueKey });
    const extension = this.extensionFor(moduleKey, request.projectKey, request.issueKey);
    return this.host.invokeResolver({
      moduleKey,
      operation: request.operation,
      payload: request.payload,
      accountId: request.as ?? undefined,
      extension
    });
  }

  /** The Rovo action, as Rovo calls it for the user `as`. */
  async action(actionKey: string, payload: Record<string, unknown>, as: string | null): Promise<unknown> {
    return this.host.invokeAction({ actionKey, payload, accountId: as ?? undefined });
  }

  /** Returns once nothing is due and no event is being delivered. */
  async settle(): Promise<void> {
    await this.clock.settle();
  }

  pendingEvents(): number {
    return this.events.pending();
  }

  close(): void {
    this.seam.uninstall();
    this.kvs.close();
  }

  /** The extension context a UI module gets on Forge; the page host gives its frames the same one. */
  extensionFor(moduleKey: string, projectKey?: string, issueKey?: string): ExtensionContext {
    const type = this.manifest.uiModules.get(moduleKey)?.type ?? moduleKey;
    // An issue's module gets the issue and its project; a portal gets its portal; pages of a space get the space.
    const project = this.projectRef(issueKey ? issueKey.split('-')[0] : projectKey);
    const withProject = project ? { project } : {};
    if (type === 'jiraServiceManagement:portalFooter') {
      // A portal page of the space; with a work item, that request's page (`request.key`, as JSM's request views get it).
      const serviceDeskId = project ? this.jira.project(project.key)?.serviceDeskId : undefined;
      return {
        type,
        ...(serviceDeskId ? { portal: { id: Number(serviceDeskId) } } : {}),
        ...(issueKey ? { request: { key: issueKey } } : {})
      };
    }
    if (issueKey) return { type, issue: { id: this.jira.getIssue(issueKey)?.id ?? '', key: issueKey }, ...withProject };
    return { type, ...withProject };
  }

  private projectRef(projectKey: string | undefined): { id: string; key: string; type: string } | undefined {
    const project = projectKey ? this.jira.project(projectKey) : undefined;
    return project ? { id: project.id, key: project.key, type: project.projectTypeKey } : undefined;
  }
}
