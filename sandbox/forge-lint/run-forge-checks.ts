import fs from 'node:fs';
import path from 'node:path';
import { validate } from '@forge/manifest';
import { lint, type LintResult } from '@forge/lint';
import { parse } from 'yaml';

/**
 * What `forge lint` checks, offline: the manifest against @forge/manifest's full schema and
 * validators, then @forge/lint's client-side linters over the app's source (permissions,
 * handlers, storage, LLM module...). The permission linter needs the products' OpenAPI
 * documents; it reads local files when USE_LOCAL_SWAGGER is set. Empty stubs keep it running
 * from a plain clone; the Jira platform document beside the project (../shared/specs), when
 * present, adds the scope checks for every Jira route the app calls.
 */
export interface ForgeCheckProblem {
  source: 'manifest' | 'lint';
  level: 'error' | 'warning';
  message: string;
  where?: string;
}

const STUB = path.join(__dirname, 'openapi-stub.json');

export async function runForgeChecks(projectRoot: string): Promise<ForgeCheckProblem[]> {
  const manifestPath = path.join(projectRoot, 'manifest.yml');
  const validation = await validate(false, manifestPath);
  const problems: ForgeCheckProblem[] = (validation.errors ?? []).map((error) => ({
    source: 'manifest' as const,
    level: error.level === 'warning' ? ('warning' as const) : ('error' as const),
    message: error.message,
    where: `manifest.yml:${error.line}`
  }));
  if (!validation.success) return problems;

  useLocalOpenApiDocuments(projectRoot);
  const manifest = parse(fs.readFileSync(manifestPath, 'utf8'));
  const files = listSourceFiles(path.join(projectRoot, 'src')).map((file) => path.relative(projectRoot, file));
  const silent = { info: () => undefined, warn: () => undefined, debug: () => undefined, error: () => undefined, trace: () => undefined };
  const statsig = { getDeprecatedRuntimes: async () => [] };
  const previous = process.cwd();
  process.chdir(projectRoot);
  try {
    // The lint API is typed against @forge/cli-shared's classes; the client-side linters use only what is passed here.
    const results: LintResult[] = await lint(files, manifest, 'development', silent as never, statsig as never, {
      linter: { mode: 'client-side' }
    });
    for (const result of results) {
      for (const error of result.errors)
        problems.push({ source: 'lint', level: 'error', message: error.message, where: `${result.file}:${error.line}` });
      for (const warning of result.warnings)
        problems.push({ source: 'lint', level: 'warning', message: warning.message, where: `${result.file}:${warning.line}` });
    }
  } finally {
    process.chdir(previous);
  }
  return problems;
}

function useLocalOpenApiDocuments(projectRoot: string): void {
  const sharedJira = path.resolve(projectRoot, '..', 'shared', 'specs', 'jira-platform.v3.json');
  process.env.USE_LOCAL_SWAGGER = 'true';
  process.env.LOCAL_JIRA_SWAGGER = fs.existsSync(sharedJira) ? sharedJira : STUB;
  for (const name of ['LOCAL_JSM_SWAGGER', 'LOCAL_JSW_SWAGGER', 'LOCAL_CONF_SWAGGER', 'LOCAL_CONF_V2_SWAGGER', 'LOCAL_BB_SWAGGER']) {
    process.env[name] = STUB;
  }
}

function listSourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return listSourceFiles(full);
    return /\.(ts|tsx)$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) ? [full] : [];
  });
}
