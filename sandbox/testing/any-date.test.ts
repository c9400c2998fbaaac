import { realNow } from '../runtime/clock';
import { runJest } from './run-jest';

// Virtual time and the wall clock must not disagree in a way the SDKs notice (@forge/realtime
// checks a token's `exp` against Date.now()): the realtime and scenario suites pass with the
// sandbox clock started a year before and a year after the machine's date.
jest.setTimeout(600_000);

const YEAR_MS = 365 * 24 * 60 * 60 * 1000;
const SUITES = ['**/sandbox/realtime/**/*.test.ts', '**/*.scenario.test.ts', '**/sandbox/testing/fixtures/clock-start.fixture.ts'];

it.each([
  ['a year before', -YEAR_MS],
  ['a year after', YEAR_MS]
])('the realtime and scenario suites pass with the sandbox clock started %s the machine date', async (_when, shift) => {
  const start = new Date(Math.floor((realNow() + shift) / 1000) * 1000).toISOString();
  const run = await runJest(['--silent', '--testMatch', ...SUITES], { env: { SANDBOX_CLOCK_START: start }, killAfterMs: 540_000 });
  // Every suite and every test passed (none skipped), and the run ended by itself with 0.
  expect(run.output).toMatch(/Test Suites: (\d+) passed, \1 total/);
  expect(run.output).toMatch(/Tests: +(\d+) passed, \1 total/);
  expect(run.code).toBe(0);
});
