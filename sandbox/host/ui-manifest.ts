import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';

/**
 * What the page host reads from manifest.yml: each UI module's type, title, resource and
 * rendering (UI Kit when `render: native`, Custom UI otherwise), its display conditions, and
 * where each resource lives. Tests may point a resource elsewhere (a fixture page).
 */
export interface UiModule {
  key: string;
  type: string;
  title: string;
  resourceKey: string;
  /** `native`: a UI Kit resource (a .tsx entry); `custom`: a Custom UI directory with index.html. */
  render: 'native' | 'custom';
  jiraExpression?: string;
}

export interface UiManifest {
  modules: Map<string, UiModule>;
  /** resource key → absolute path (a directory for Custom UI, an entry file for UI Kit) */
  resources: Map<string, string>;
  /** manifest.yml `permissions.content`: what Custom UI may run inline ('unsafe-inline', 'unsafe-hashes'). */
  content: { scripts: string[]; styles: string[] };
  /** The first module of a type, e.g. the app's one `jira:globalPage`. */
  moduleOfType(type: string): UiModule | undefined;
  resourcePath(resourceKey: string): string;
}

const PAGE_TYPES = [
  'jira:adminPage',
  'jira:projectSettingsPage',
  'jira:globalPage',
  'jira:issuePanel',
  'jiraServiceManagement:portalFooter'
];

interface RawModule {
  key?: unknown;
  title?: unknown;
  resource?: unknown;
  render?: unknown;
  displayConditions?: { jiraExpression?: unknown };
}

export function readUiManifest(manifestPath: string, resourceOverrides: Record<string, string> = {}): UiManifest {
  const raw = parse(fs.readFileSync(manifestPath, 'utf8')) as {
    modules?: Record<string, RawModule[]>;
    resources?: Array<{ key: string; path: string }>;
    permissions?: { content?: { scripts?: string[]; styles?: string[] } };
  };
  const root = path.dirname(manifestPath);
  const resources = new Map((raw.resources ?? []).map((r) => [r.key, path.resolve(root, r.path)]));
  for (const [key, value] of Object.entries(resourceOverrides)) resources.set(key, path.resolve(value));
  const modules = new Map<string, UiModule>();
  for (const type of PAGE_TYPES) {
    for (const m of raw.modules?.[type] ?? []) {
      if (typeof m.key !== 'string' || typeof m.resource !== 'string') continue;
      const expression = m.displayConditions?.jiraExpression;
      modules.set(m.key, {
        key: m.key,
        type,
        title: typeof m.title === 'string' ? m.title : m.key,
        resourceKey: m.resource,
        render: m.render === 'native' ? 'native' : 'custom',
        ...(typeof expression === 'string' ? { jiraExpression: expression } : {})
      });
    }
  }
  return {
    modules,
    resources,
    content: { scripts: raw.permissions?.content?.scripts ?? [], styles: raw.permissions?.content?.styles ?? [] },
    moduleOfType: (type) => [...modules.values()].find((m) => m.type === type),
    resourcePath(resourceKey) {
      const found = resources.get(resourceKey);
      if (!found) throw new Error(`manifest.yml has no resource '${resourceKey}'`);
      return found;
    }
  };
}

/**
 * The two Jira expressions this app's display conditions use, evaluated as Jira would. Any other
 * expression is shown as true (the sandbox does not run Jira expressions) and says so in the page.
 */
export function displayConditionHolds(
  expression: string | undefined,
  facts: { projectTypeKey?: string; labels?: string[] }
): boolean | 'unsupported' {
  if (!expression) return true;
  const labels = /^issue\.labels\.includes\('([^']+)'\)$/.exec(expression.trim());
  if (labels) return (facts.labels ?? []).includes(labels[1]);
  const projectType = /^project\.projectTypeKey\s*==\s*'([^']+)'$/.exec(expression.trim());
  if (projectType) return facts.projectTypeKey === projectType[1];
  return 'unsupported';
}
