import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { runForgeChecks } from '../sandbox/forge-lint/run-forge-checks';
import * as app from './index';

const root = path.resolve(__dirname, '..');
const manifest = parse(fs.readFileSync(path.join(root, 'manifest.yml'), 'utf8'));

describe('the Forge app', () => {
  // Warnings count too: @forge/lint only warns when a handler the manifest names is not exported.
  it('passes manifest validation and the client-side Forge lint with no error or warning', async () => {
    expect(await runForgeChecks(root)).toEqual([]);
  }, 120_000);

  it('exports every handler the manifest names, and only those', () => {
    const handlers: string[] = manifest.modules.function.map((f: { handler: string }) => f.handler);
    const named = handlers.map((h) => {
      expect(h).toMatch(/^index\./);
      return h.slice('index.'.length);
    });
    for (const name of named) expect(typeof (app as Record<string, unknown>)[name]).toBe('function');
    expect(Object.keys(app).sort()).toEqual([...named].sort());
  });

  it('declares every module the product needs', () => {
    const modules = Object.keys(manifest.modules);
    for (const kind of [
      'jira:adminPage',
      'jira:projectSettingsPage',
      'jira:globalPage',
      'jira:issuePanel',
      'jiraServiceManagement:portalFooter',
      'rovo:agent',
      'action',
      'llm',
      'consumer',
      'scheduledTrigger',
      'trigger'
    ]) {
      expect(modules).toContain(kind);
    }
    const widget = manifest.modules['jiraServiceManagement:portalFooter'][0];
    expect(widget.unlicensedAccess).toEqual(expect.arrayContaining(['anonymous', 'customer', 'unlicensed']));
    expect(manifest.modules.action.map((a: { key: string }) => a.key)).toContain('escalate-to-human');
  });

  // developer.atlassian.com/platform/forge/manifest-reference/modules/rovo-skill/ and .../rovo-mcp/:
  // both modules are EAP; an app using rovo:skill deploys only to development environments.
  it('rovo:skill is EAP: the production manifest declares no EAP Rovo module, and the agent prompt carries the escalation rules', () => {
    const modules = Object.keys(manifest.modules);
    expect(modules).not.toContain('rovo:skill');
    expect(modules).not.toContain('rovo:mcp');
    const prompt = fs.readFileSync(path.join(root, 'src/rovo/prompts/agent-prompt.txt'), 'utf8');
    expect(prompt).toMatch(/explicitly asks for a person/);
    expect(prompt).toMatch(/Self-service is exhausted/);
    expect(prompt).toMatch(/projectKey/);
    expect(prompt).toMatch(/word for word/);
  });
});
