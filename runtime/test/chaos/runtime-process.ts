import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream } from 'node:fs';
import { fileURLToPath } from 'node:url';

const repo = fileURLToPath(new URL('../../..', import.meta.url));

export interface RuntimeProcess {
  name: string;
  child: ChildProcess;
  /** Set when the process ended: the chaos test's first promise is that this never happens. */
  exit: { code: number | null; signal: string | null } | null;
  stop(): Promise<void>;
}

/** `runtime/src/main.ts` (what `npm start` runs) in its own process, its output kept in a log file. */
export async function startRuntimeProcess(name: string, env: Record<string, string>, logFile: string): Promise<RuntimeProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'runtime/src/main.ts'], { cwd: repo, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  const log = createWriteStream(logFile);
  child.stdout!.pipe(log);
  child.stderr!.pipe(log);
  const proc: RuntimeProcess = {
    name,
    child,
    exit: null,
    async stop() {
      if (proc.exit) return;
      const done = new Promise((ok) => child.once('exit', ok));
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
      await done;
      clearTimeout(timer);
    },
  };
  child.once('exit', (code, signal) => (proc.exit = { code, signal }));
  // Ready when it says where it serves (or that it is a worker only).
  await new Promise<void>((ok, fail) => {
    let seen = '';
    const onData = (c: Buffer) => {
      seen += c.toString();
      if (/(editor and API on|worker only)/.test(seen)) {
        child.stdout!.off('data', onData);
        ok();
      }
    };
    child.stdout!.on('data', onData);
    child.once('exit', (code) => fail(new Error(`${name} exited with ${code} before it was ready (log: ${logFile})`)));
    setTimeout(() => fail(new Error(`${name} not ready within 60 s (log: ${logFile})`)), 60_000).unref();
  });
  return proc;
}
