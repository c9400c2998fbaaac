/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/src', '<rootDir>/sandbox', '<rootDir>/static'],
  testMatch: ['**/*.test.ts', '**/*.test.tsx'],
  // Type checking is `npm run typecheck`'s job; ts-jest only transpiles, which keeps the suite fast.
  transform: { '^.+\\.tsx?$': 'ts-jest' },
  testPathIgnorePatterns: ['/node_modules/', '/build/', '/dist/'],
  testTimeout: 30000,
  // The browser suites skip themselves on a machine with no Chromium (never under CI=true); this says so.
  reporters: ['default', '<rootDir>/sandbox/host/testing/browser-skip-reporter.js'],
  // jira.js 6 ships its zod schemas as ESM only: bundle the ones the Jira fake uses for CommonJS.
  globalSetup: '<rootDir>/sandbox/jira/schemas/bundle-jira-js.mjs'
};
