import fs from 'node:fs';
import { parse } from 'yaml';

/**
 * What the platform reads from manifest.yml to route invocations: which function serves each
 * module, queue, trigger and schedule, and which export of src/index.ts each function runs.
 */
export interface AppManifest {
  /** function key → exported handler name (`index.resolver` → `resolver`) */
  handlers: Map<string, string>;
  /** UI module key → { module type, resolver function key } */
  uiModules: Map<string, { type: string; functionKey: string }>;
  /** Rovo action key → function key */
  actions: Map<string, string>;
  /** queue key → consumer function key */
  consumers: Map<string, string>;
  /** product event type → the triggers subscribed to it (`ignoreSelf`: skip events the app itself caused) */
  productTriggers: Map<string, Array<{ functionKey: string; ignoreSelf: boolean }>>;
  scheduledTriggers: Array<{ key: string; functionKey: string; intervalMs: number }>;
  scopes: string[];
  /** declared custom entities, for the KVS service */
  entities: unknown[];
}

const INTERVALS: Record<string, number> = { fiveMinute: 5 * 60_000, hour: 3_600_000, day: 86_400_000, week: 604_800_000 };
const UI_MODULE_TYPES = [
  'jira:adminPage',
  'jira:projectSettingsPage',
  'jira:globalPage',
  'jira:issuePanel',
  'jiraServiceManagement:portalFooter'
];

interface RawManifest {
  modules: Record<string, Array<Record<string, unknown>>>;
  permissions?: { scopes?: string[] };
  app?: { storage?: { entities?: unknown[] } };
}

export function readAppManifest(path: string): AppManifest {
  const raw = parse(fs.readFileSync(path, 'utf8')) as RawManifest;
  const modules = raw.modules ?? {};
  const list = (type: string) => modules[type] ?? [];
  const handlers = new Map(list('function').map((f) => [String(f.key), String(f.handler).replace(/^index\./, '')]));
  const uiModules = new Map<string, { type: string; functionKey: string }>();
  for (const type of UI_MODULE_TYPES) {
    for (const m of list(type)) {
      const resolver = m.resolver as { function?: string } | undefined;
      if (resolver?.function) uiModules.set(String(m.key), { type, functionKey: resolver.function });
    }
  }
  const productTriggers = new Map<string, Array<{ functionKey: string; ignoreSelf: boolean }>>();
  for (const t of list('trigger')) {
    const trigger = {
      functionKey: String(t.function),
      ignoreSelf: (t.filter as { ignoreSelf?: boolean } | undefined)?.ignoreSelf === true
    };
    for (const event of t.events as string[]) productTriggers.set(event, [...(productTriggers.get(event) ?? []), trigger]);
  }
  return {
    handlers,
    uiModules,
    actions: new Map(list('action').map((a) => [String(a.key), String(a.function)])),
    consumers: new Map(list('consumer').map((c) => [String(c.queue), String(c.function)])),
    productTriggers,
    scheduledTriggers: list('scheduledTrigger').map((s) => ({
      key: String(s.key),
      functionKey: String(s.function),
      intervalMs: INTERVALS[String(s.interval)] ?? INTERVALS.hour
    })),
    scopes: raw.permissions?.scopes ?? [],
    entities: raw.app?.storage?.entities ?? []
  };
}
