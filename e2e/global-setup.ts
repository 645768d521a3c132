import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { repoRoot } from './fixtures/paths.ts';

/** The server serves editor/dist, so the tests run against a build of the current editor source. */
export default async function setup(): Promise<void> {
  if (process.env.E2E_SKIP_BUILD === '1') return;
  try {
    // Vitest sets NODE_ENV=test, which would give React's development build.
    await promisify(execFile)('npm', ['run', 'build', '-w', '@memberflow/editor'], {
      cwd: repoRoot,
      env: { ...process.env, NODE_ENV: 'production' },
    });
  } catch (err) {
    const { stdout = '', stderr = '' } = err as { stdout?: string; stderr?: string };
    throw new Error(`Building the editor failed:\n${stdout}\n${stderr}`, { cause: err });
  }
}
