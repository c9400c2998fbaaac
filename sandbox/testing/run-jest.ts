import { spawn } from 'node:child_process';
import path from 'node:path';

/**
 * Runs jest in a child process, as `npm test` would, for the tests about whole runs: that a run
 * ends by itself, and that suites pass with virtual time started elsewhere. The child is killed
 * after `killAfterMs`, so a run that hangs fails the test that started it instead of hanging too.
 */
export interface JestRun {
  /** The exit code; null when the child was killed (it did not end by itself). */
  code: number | null;
  durationMs: number;
  output: string;
}

const ROOT = path.resolve(__dirname, '..', '..');
const JEST = path.join(ROOT, 'node_modules', 'jest', 'bin', 'jest.js');

export function runJest(args: string[], options: { env?: NodeJS.ProcessEnv; killAfterMs: number }): Promise<JestRun> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [JEST, '--ci', '--colors=false', ...args], {
      cwd: ROOT,
      env: { ...process.env, ...options.env },
      stdio: ['ignore', 'pipe', 'pipe']
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const killer = setTimeout(() => child.kill('SIGKILL'), options.killAfterMs);
    child.on('error', (error) => {
      clearTimeout(killer);
      reject(error);
    });
    child.on('close', (code) => {
      clearTimeout(killer);
      resolve({ code, durationMs: performance.now() - started, output });
    });
  });
}
