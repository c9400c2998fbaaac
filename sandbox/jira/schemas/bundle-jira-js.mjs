// Bundles the jira.js zod schemas named in jira-js-modules.ts into CommonJS files under build/,
// because jira.js 6 ships ESM only and ts-jest / ts-node run our code as CommonJS on Node 20.
// Two bundles from the same source:
//   build/jira-js-schemas.cjs         as jira.js ships them: open objects, open enums (what a
//                                     jira.js client accepts); the fake checks request bodies with these;
//   build/jira-js-schemas.strict.cjs  as jira.js's own schema audit builds them (AUDIT_SCHEMAS=true):
//                                     closed objects and closed enums, so a key or value the spec
//                                     does not document fails; the tests check the fake's answers with these.
// zod stays external so the bundles share the project's zod. Run by `npm run build` and by jest's
// globalSetup (this module's default export); skips the work when the bundles are up to date.
import { build } from 'esbuild';
import { createRequire } from 'node:module';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const entry = path.join(here, 'jira-js-modules.ts');
const outDir = path.join(here, 'build');
const jiraJsPackage = createRequire(import.meta.url).resolve('jira.js/package.json');
const jiraJsRoot = path.dirname(jiraJsPackage);

export const BUNDLES = { shipped: path.join(outDir, 'jira-js-schemas.cjs'), strict: path.join(outDir, 'jira-js-schemas.strict.cjs') };

// jira.js's `exports` map hides dist/ subpaths; resolve them to the files directly.
const jiraJsFiles = {
  name: 'jira-js-dist',
  setup(context) {
    context.onResolve({ filter: /^jira\.js\/dist\// }, (args) => {
      const file = path.join(jiraJsRoot, args.path.slice('jira.js/'.length));
      return { path: file.endsWith('.js') ? file : `${file}.js` };
    });
  }
};

// jira.js decides at module load whether to build audit (strict) schemas; pin that decision.
const auditMode = (enabled) => ({
  name: 'jira-js-audit-mode',
  setup(context) {
    context.onLoad({ filter: /[\\/]core[\\/]schemaAudit\.js$/ }, async (args) => {
      const source = await fs.promises.readFile(args.path, 'utf8');
      const pinned = source.replace(
        /export function isSchemaAuditEnabled\(\) \{[^}]*\}/,
        `export function isSchemaAuditEnabled() { return ${enabled}; }`
      );
      if (pinned === source) throw new Error(`jira.js changed ${args.path}: cannot pin the schema audit mode`);
      return { contents: pinned, loader: 'js' };
    });
  }
});

function upToDate() {
  const inputs = [entry, jiraJsPackage, fileURLToPath(import.meta.url)].map((file) => fs.statSync(file).mtimeMs);
  return Object.values(BUNDLES).every((file) => fs.existsSync(file) && fs.statSync(file).mtimeMs >= Math.max(...inputs));
}

export default async function bundleJiraJsSchemas() {
  if (upToDate()) return;
  const common = {
    entryPoints: [entry],
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    external: ['zod'],
    logLevel: 'warning'
  };
  await Promise.all([
    build({ ...common, outfile: BUNDLES.shipped, plugins: [jiraJsFiles, auditMode(false)] }),
    build({ ...common, outfile: BUNDLES.strict, plugins: [jiraJsFiles, auditMode(true)] })
  ]);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  bundleJiraJsSchemas().catch((error) => {
    console.error(error);
    process.exit(1);
  });
}
