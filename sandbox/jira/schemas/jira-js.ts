/**
 * jira.js's zod schemas, loaded from the CommonJS bundles bundle-jira-js.mjs builds (jira.js 6
 * is ESM-only) and typed as jira-js-modules.ts declares them.
 *
 * - `JiraJs`: the schemas as jira.js ships them (open objects and enums). The fake checks the
 *   request bodies of Jira's open beans against these.
 * - `JiraJsStrict`: the same schemas as jira.js's schema audit builds them (closed objects and
 *   enums). The fake checks the bodies of Jira's closed beans (`Unrecognized field`) with these,
 *   and the tests check the fake's answers with them, so a key or a value the spec does not
 *   document fails as surely as a wrong type.
 */
import path from 'node:path';
import type * as Modules from './jira-js-modules';

type JiraJsSchemas = typeof Modules;

function load(file: string): JiraJsSchemas {
  const bundle = path.join(__dirname, 'build', file);
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- a build artifact, typed from jira-js-modules.ts
    return require(bundle) as JiraJsSchemas;
  } catch (error) {
    throw new Error(`Cannot load ${bundle}: run \`npm run build\` (it bundles jira.js's ESM-only schemas for CommonJS).`, { cause: error });
  }
}

export const JiraJs = load('jira-js-schemas.cjs');
export const JiraJsStrict = load('jira-js-schemas.strict.cjs');
