#!/usr/bin/env node
// `npm start` and `npm test` both come here: make the machine ready (dependencies,
// PostgreSQL, Redis, migrations, editor build), then start the server or run the tests.
// Plain Node with no dependencies, because it runs before `npm install` has.
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, statSync } from 'node:fs';
import net from 'node:net';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const mode = process.argv[2] ?? 'start';
const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;

loadDotEnv();
const DATABASE_URL = (process.env.DATABASE_URL ??= 'postgresql://memberflow:memberflow@127.0.0.1:5432/memberflow');
const REDIS_URL = (process.env.REDIS_URL ??= 'redis://127.0.0.1:6379');

const log = (msg) => console.log(`[memberflow] ${msg}`);
function fail(msg) {
  console.error(`\n[memberflow] ${msg}\n`);
  process.exit(1);
}
function run(cmd, args, opts = {}) {
  const r = spawnSync(cmd, args, { stdio: 'inherit', cwd: root, ...opts });
  if (r.status !== 0) fail(`"${cmd} ${args.join(' ')}" failed (exit ${r.status ?? r.signal})`);
}
function has(cmd) {
  return spawnSync('sh', ['-c', `command -v ${cmd}`], { stdio: 'ignore' }).status === 0;
}
function loadDotEnv() {
  const file = join(root, '.env');
  if (!existsSync(file)) return;
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    const m = /^\s*([A-Z0-9_]+)\s*=\s*(.*?)\s*$/.exec(line);
    if (m && process.env[m[1]] === undefined) process.env[m[1]] = m[2].replace(/^(['"])(.*)\1$/, '$2');
  }
}
function portOpen(host, port, timeoutMs = 800) {
  return new Promise((ok) => {
    const s = net.connect({ host, port });
    const done = (v) => {
      s.destroy();
      ok(v);
    };
    s.setTimeout(timeoutMs, () => done(false));
    s.once('connect', () => done(true));
    s.once('error', () => done(false));
  });
}
async function waitPort(host, port, what, seconds = 30) {
  for (let i = 0; i < seconds * 4; i++) {
    if (await portOpen(host, port)) return;
    await new Promise((r) => setTimeout(r, 250));
  }
  fail(`${what} did not start listening on ${host}:${port} within ${seconds}s`);
}
const isLocal = (host) => ['127.0.0.1', 'localhost', '::1'].includes(host);
function aptInstall(pkgs) {
  log(`installing ${pkgs.join(' ')} with apt-get`);
  run('apt-get', ['update', '-qq']);
  run('apt-get', ['install', '-y', '-qq', ...pkgs], { env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
}

// 1. Dependencies: install when node_modules is missing or older than the lockfile.
function ensureDependencies() {
  const marker = join(root, 'node_modules/.package-lock.json');
  const lock = join(root, 'package-lock.json');
  const stale = !existsSync(marker) || (existsSync(lock) && statSync(lock).mtimeMs > statSync(marker).mtimeMs + 1000);
  if (!stale) return;
  log('installing npm dependencies');
  // `npm install`, not `npm ci`: ci refuses lockfiles that omit other platforms' optional
  // packages (turbo's), which npm itself writes that way.
  run('npm', ['install', '--no-audit', '--no-fund']);
}

// 2. PostgreSQL: start the local cluster, install it when root and missing, create the role and database.
async function ensurePostgres() {
  const url = new URL(DATABASE_URL);
  const host = url.hostname;
  const port = Number(url.port || 5432);
  if (!(await portOpen(host, port))) {
    if (!isLocal(host)) fail(`PostgreSQL at ${host}:${port} (DATABASE_URL) is not reachable. Start it, or point DATABASE_URL elsewhere.`);
    if (!has('pg_lsclusters')) {
      if (!isRoot || !has('apt-get')) {
        fail(
          'PostgreSQL is not running and not installed. Either:\n' +
            '  sudo apt-get install -y postgresql && sudo pg_ctlcluster 15 main start\n' +
            '  or: docker compose up -d   (uses docker-compose.yml in this folder)\n' +
            `then run this command again (DATABASE_URL=${DATABASE_URL}).`,
        );
      }
      aptInstall(['postgresql']);
    }
    const clusters = execFileSync('pg_lsclusters', ['--no-header'], { encoding: 'utf8' })
      .split('\n')
      .map((l) => l.trim().split(/\s+/))
      .filter((f) => f.length >= 4);
    const cluster = clusters.find((f) => Number(f[2]) === port) ?? clusters[0];
    if (!cluster) fail('PostgreSQL is installed but has no cluster. Create one: sudo pg_createcluster 15 main --start');
    if (!isRoot) fail(`PostgreSQL cluster ${cluster[0]}/${cluster[1]} is not running. Start it: sudo pg_ctlcluster ${cluster[0]} ${cluster[1]} start`);
    log(`starting PostgreSQL cluster ${cluster[0]}/${cluster[1]}`);
    run('pg_ctlcluster', ['--skip-systemctl-redirect', cluster[0], cluster[1], 'start']);
    await waitPort(host, port, 'PostgreSQL');
  }
  await ensureDatabase(url);
}

async function ensureDatabase(url) {
  const { default: pg } = await import('pg');
  const user = decodeURIComponent(url.username);
  const password = decodeURIComponent(url.password);
  const database = url.pathname.slice(1);
  const tryConnect = async () => {
    const c = new pg.Client({ host: url.hostname, port: Number(url.port || 5432), user, password, database });
    try {
      await c.connect();
      await c.end();
      return null;
    } catch (e) {
      return e;
    }
  };
  const err = await tryConnect();
  if (!err) return;
  // 28P01 bad password, 28000 no such role, 3D000 no such database: fixable locally as root.
  if (isLocal(url.hostname) && isRoot && ['28P01', '28000', '3D000'].includes(err.code)) {
    log(`creating PostgreSQL role "${user}" and database "${database}"`);
    const psql = (sql, db = 'postgres') =>
      execFileSync('su', ['postgres', '-c', `psql -v ON_ERROR_STOP=1 -d ${db} -tAc "${sql.replace(/"/g, '\\"')}"`], { encoding: 'utf8' }).trim();
    const lit = (s) => `'${s.replace(/'/g, "''")}'`;
    const ident = (s) => `"${s.replace(/"/g, '""')}"`;
    if (psql(`SELECT 1 FROM pg_roles WHERE rolname=${lit(user)}`) !== '1') {
      psql(`CREATE ROLE ${ident(user)} LOGIN PASSWORD ${lit(password)}`);
    } else {
      psql(`ALTER ROLE ${ident(user)} LOGIN PASSWORD ${lit(password)}`);
    }
    if (psql(`SELECT 1 FROM pg_database WHERE datname=${lit(database)}`) !== '1') {
      psql(`CREATE DATABASE ${ident(database)} OWNER ${ident(user)}`);
    }
    const again = await tryConnect();
    if (!again) return;
    fail(`Still cannot connect to PostgreSQL as ${user}: ${again.message}`);
  }
  fail(
    `Cannot connect to PostgreSQL (${err.message}). Create the role and database, e.g.\n` +
      `  sudo -u postgres psql -c "CREATE ROLE ${user} LOGIN PASSWORD '<password>'"\n` +
      `  sudo -u postgres psql -c "CREATE DATABASE ${database} OWNER ${user}"\n` +
      'and set DATABASE_URL accordingly (see .env.example).',
  );
}

// 3. Redis: start a local redis-server, install it when root and missing.
async function ensureRedis() {
  const url = new URL(REDIS_URL);
  const host = url.hostname;
  const port = Number(url.port || 6379);
  if (await portOpen(host, port)) return;
  if (!isLocal(host)) fail(`Redis at ${host}:${port} (REDIS_URL) is not reachable.`);
  if (!has('redis-server')) {
    if (!isRoot || !has('apt-get')) {
      fail(
        'Redis is not running and not installed. Either:\n' +
          '  sudo apt-get install -y redis-server\n' +
          '  or: docker compose up -d   (uses docker-compose.yml in this folder)\n' +
          'then run this command again.',
      );
    }
    aptInstall(['redis-server']);
  }
  const dir = join(root, '.data/redis');
  mkdirSync(dir, { recursive: true });
  log(`starting redis-server on ${host}:${port}`);
  run('redis-server', [
    '--daemonize', 'yes', '--bind', host === 'localhost' ? '127.0.0.1' : host, '--port', String(port),
    '--dir', dir, '--logfile', join(dir, 'redis.log'), '--maxmemory-policy', 'noeviction', '--appendonly', 'yes',
  ]);
  await waitPort(host, port, 'Redis');
}

// 4. Chromium for browser tests (npm test only), with a CJK font so the 中文 UI renders.
function ensureChromium() {
  const cjk = existsSync('/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc');
  if (existsSync('/usr/bin/chromium') && cjk) return;
  if (!isRoot || !has('apt-get')) fail('Browser tests need Debian\'s Chromium and a CJK font: sudo apt-get install -y chromium fonts-wqy-zenhei');
  aptInstall(['chromium', 'fonts-wqy-zenhei']);
}

// 5. Prisma client and migrations.
function prepareDatabase() {
  if (!existsSync(join(root, 'runtime/src/generated/prisma/client.ts'))) {
    log('generating the Prisma client');
    run('npx', ['prisma', 'generate']);
  }
  log('applying migrations');
  run('npx', ['prisma', 'migrate', 'deploy']);
}

function buildEditor() {
  log('building the editor');
  run('npm', ['run', 'build', '-w', '@memberflow/editor']);
}

ensureDependencies();
await ensurePostgres();
await ensureRedis();
prepareDatabase();

if (mode === 'start') {
  if (!existsSync(join(root, 'editor/dist/index.html')) || process.env.MEMBERFLOW_REBUILD_EDITOR === '1') buildEditor();
  run('npx', ['tsx', 'runtime/src/seed/seed-demo.ts']);
  const server = spawn('npx', ['tsx', 'runtime/src/main.ts'], { stdio: 'inherit', cwd: root });
  for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => server.kill(sig));
  server.on('exit', (code) => process.exit(code ?? 0));
} else if (mode === 'test') {
  ensureChromium();
  buildEditor();
  run('npx', ['turbo', 'run', 'typecheck', '--output-logs=errors-only'], { env: { ...process.env, TURBO_TELEMETRY_DISABLED: '1' } });
  // The editor was just built; the e2e setup need not build it again.
  run('npx', ['vitest', 'run', ...process.argv.slice(3)], { env: { ...process.env, E2E_SKIP_BUILD: '1' } });
} else if (mode === 'replay') {
  run('npx', ['tsx', 'runtime/src/replay/replay-cli.ts', ...process.argv.slice(3)]);
} else if (mode === 'bench') {
  run('npx', ['tsx', 'bench/run.ts', ...process.argv.slice(3)]);
} else if (mode === 'env') {
  log('PostgreSQL and Redis are ready');
} else {
  fail(`unknown mode "${mode}" (start | test | bench | replay | env)`);
}
