import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { repoRoot } from './fixtures/paths.ts';

/**
 * The server serves a build of the current editor source. Each run builds into a directory of its
 * own (EDITOR_DIST, passed on to the servers it starts): runs by other people on the same checkout
 * rebuild editor/dist, and a page loading a chunk mid-rebuild would fail for no fault of its own.
 */
export default async function setup(): Promise<(() => void) | undefined> {
  if (process.env.E2E_SKIP_BUILD === '1') return undefined;
  const outDir = mkdtempSync(join(tmpdir(), 'memberflow-e2e-editor-'));
  try {
    // Vitest sets NODE_ENV=test, which would give React's development build.
    await promisify(execFile)('npm', ['run', 'build', '-w', '@memberflow/editor', '--', '--outDir', outDir, '--emptyOutDir'], {
      cwd: repoRoot,
      env: { ...process.env, NODE_ENV: 'production' },
    });
  } catch (err) {
    rmSync(outDir, { recursive: true, force: true });
    const { stdout = '', stderr = '' } = err as { stdout?: string; stderr?: string };
    throw new Error(`Building the editor failed:\n${stdout}\n${stderr}`, { cause: err });
  }
  process.env.EDITOR_DIST = outDir;
  return () => rmSync(outDir, { recursive: true, force: true });
}
