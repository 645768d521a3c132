import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { Redis } from 'ioredis';
import { freePort } from './free-port.ts';

const run = promisify(execFile);

/** A Redis Cluster of the test's own: three masters on loopback, no replicas, nothing on disk. */
export interface OwnRedisCluster {
  ports: number[];
  /** REDIS_CLUSTER_NODES for the runtime. */
  nodes: string;
  /** A plain connection to one node (for CLUSTER and SCAN, which answer about that node only). */
  node(port: number): Redis;
  destroy(): Promise<void>;
}

async function untilAnswers(c: Redis): Promise<void> {
  for (let i = 0; i < 200; i++) {
    if (await c.ping().then(() => true, () => false)) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`redis-server on ${c.options.port} did not answer within 10 s`);
}

export async function startOwnRedisCluster(size = 3): Promise<OwnRedisCluster> {
  const dir = mkdtempSync(join(tmpdir(), 'mf-redis-cluster-'));
  const procs: ChildProcess[] = [];
  const clients: Redis[] = [];
  const destroy = async () => {
    for (const c of clients) c.disconnect();
    await Promise.all(
      procs.map((p) => {
        if (p.exitCode !== null || p.signalCode !== null) return;
        const exited = new Promise((ok) => p.once('exit', ok));
        p.kill('SIGTERM');
        return exited;
      }),
    );
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    const ports: number[] = [];
    for (let i = 0; i < size; i++) ports.push(await freePort());
    for (const port of ports) {
      // appendonly off and no snapshots: this cluster proves distribution, not durability.
      const args = ['--port', String(port), '--bind', '127.0.0.1', '--dir', dir, '--cluster-enabled', 'yes', '--cluster-config-file', `nodes-${port}.conf`, '--cluster-node-timeout', '5000', '--appendonly', 'no', '--save', ''];
      procs.push(spawn('redis-server', args, { stdio: 'ignore' }));
    }
    const node = (port: number) => {
      const c = new Redis({ host: '127.0.0.1', port, lazyConnect: false, maxRetriesPerRequest: 1 });
      c.on('error', () => {});
      clients.push(c);
      return c;
    };
    const admin = ports.map(node);
    await Promise.all(admin.map(untilAnswers));
    await run('redis-cli', ['--cluster', 'create', ...ports.map((p) => `127.0.0.1:${p}`), '--cluster-replicas', '0', '--cluster-yes'], { timeout: 60_000 });
    // Every node must see every slot served before a client is pointed at it.
    for (let i = 0; ; i++) {
      const states = await Promise.all(admin.map((c) => c.cluster('INFO').then((s) => /cluster_state:ok/.test(String(s)))));
      if (states.every(Boolean)) break;
      if (i > 300) throw new Error('the Redis Cluster did not reach cluster_state:ok within 30 s');
      await new Promise((r) => setTimeout(r, 100));
    }
    return { ports, nodes: ports.map((p) => `127.0.0.1:${p}`).join(','), node, destroy };
  } catch (e) {
    await destroy();
    throw e;
  }
}
