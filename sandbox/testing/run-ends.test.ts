import { runJest } from './run-jest';

// `npm test` must end by itself, after a failing run as after a passing one: a run that fails
// with a server, SQLite, a browser and a page open (fixtures/failing-run.fixture.ts) exits non-zero
// within a minute. A run that hangs is killed at 90 s and fails this test.
jest.setTimeout(120_000);

it('a failing run reports its failures and exits non-zero within a minute', async () => {
  const run = await runJest(['--testMatch', '**/sandbox/testing/fixtures/failing-run.fixture.ts'], { killAfterMs: 90_000 });
  expect(run.output).toContain('Tests:       3 failed, 3 total');
  expect(run.code).toBe(1);
  expect(run.durationMs).toBeLessThan(60_000);
});
