// `pnpm start`: the whole product on one machine. Uses DATABASE_URL / REDIS_URL when set, otherwise starts a local
// PostgreSQL and Redis with their data in .data/; migrates, seeds the demo company, starts server and worker,
// and opens the console. Ctrl-C stops everything it started; the next start reuses the data.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DEMO_LOGIN, resolveSecretKey } from '@switchboard/domain';
import { type ManagedChild, runToCompletion, startChild } from './start/child-processes.ts';
import { buildConsole, type OpenConsole, openConsole } from './start/console.ts';
import { forgetAll, remember, stopLeftovers } from './start/leftovers.ts';
import { startLocalPostgres } from './start/local-postgres.ts';
import { RedisNotFoundError, startLocalRedis } from './start/local-redis.ts';
import { preferredOrFreePort } from './start/ports.ts';
import { type ReadinessProbe, readinessProbe } from './start/readiness.ts';

const rootDir = fileURLToPath(new URL('..', import.meta.url));
const dataDir = process.env.SWITCHBOARD_DATA_DIR ?? join(rootDir, '.data');
const say = (line: string) => process.stdout.write(`[start] ${line}\n`);
const started = Date.now();

const services: ManagedChild[] = []; // stopped last, in reverse order
const apps: ManagedChild[] = [];
let consoleHandle: OpenConsole | null = null;
let stopping = false;

async function stopAll(code: number): Promise<never> {
  if (stopping) return new Promise(() => {});
  stopping = true;
  say('stopping…');
  await consoleHandle?.close().catch(() => undefined);
  await Promise.all(apps.map((c) => c.stop('SIGTERM')));
  for (const c of services.reverse()) await c.stop(c.name === 'postgres' ? 'SIGINT' : 'SIGTERM');
  forgetAll(dataDir);
  say('stopped');
  process.exit(code);
}
process.once('SIGINT', () => void stopAll(0));
process.once('SIGTERM', () => void stopAll(0));

function watch(child: ManagedChild): ManagedChild {
  remember(dataDir, child.name, child.process.pid, child.process.spawnargs.slice(1).join(' '));
  void child.exited.then((code) => {
    if (stopping) return;
    say(`${child.name} exited unexpectedly (code ${code}); stopping the rest`);
    void stopAll(1);
  });
  return child;
}

/** Polls the server's readiness route until it answers 200; fails if the server exits first. */
async function waitUntilReady(probe: ReadinessProbe, server: ManagedChild): Promise<void> {
  let exited = false;
  void server.exited.then(() => {
    exited = true;
  });
  while (!exited) {
    const ok = await fetch(probe.url, { headers: probe.headers }).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('the server exited before it was ready');
}

try {
  mkdirSync(dataDir, { recursive: true });
  await stopLeftovers(dataDir, say);
  let databaseUrl = process.env.DATABASE_URL;
  if (!databaseUrl) {
    const local = await startLocalPostgres(dataDir, say);
    services.push(watch(local.child));
    databaseUrl = local.url;
    say(`PostgreSQL ready (${new URL(databaseUrl).host}, data in ${local.dir})`);
  }
  let redisUrl = process.env.REDIS_URL;
  if (!redisUrl) {
    const local = await startLocalRedis(dataDir, say);
    services.push(watch(local.child));
    redisUrl = local.url;
    say(`Redis ready (${new URL(redisUrl).host})`);
  }
  const secretKey = resolveSecretKey({
    secretKey: process.env.SECRET_KEY,
    nodeEnv: 'development',
    devKeyFile: join(dataDir, 'secret-key'),
  }).toString('base64');
  const host = process.env.HOST ?? '127.0.0.1';
  const wanted = Number(process.env.PORT ?? 3000);
  const port = await preferredOrFreePort(wanted, host);
  if (port !== wanted) say(`port ${wanted} is taken; the server uses ${port}`);
  const serverUrl = `http://${host}:${port}`;
  const env = {
    ...process.env,
    DATABASE_URL: databaseUrl,
    REDIS_URL: redisUrl,
    REDIS_PREFIX: process.env.REDIS_PREFIX ?? 'sb',
    SECRET_KEY: secretKey,
    HOST: host,
    PORT: String(port),
    PUBLIC_URL: process.env.PUBLIC_URL ?? serverUrl,
    LOG_LEVEL: process.env.LOG_LEVEL ?? 'info',
    // The server and worker take an unset NODE_ENV as production; `pnpm start` is the developer's machine.
    NODE_ENV: process.env.NODE_ENV ?? 'development',
  };

  // Migrates, then seeds the demo company when the database holds none.
  await runToCompletion('seed', process.execPath, ['packages/domain/src/db/seed-cli.ts'], { cwd: rootDir, env });
  const [, server] = await Promise.all([
    buildConsole(rootDir),
    Promise.resolve(watch(startChild('server', process.execPath, ['apps/server/src/main.ts'], { cwd: rootDir, env }))),
  ]);
  apps.push(server, watch(startChild('worker', process.execPath, ['apps/worker/src/main.ts'], { cwd: rootDir, env })));
  await waitUntilReady(readinessProbe(serverUrl, env), server);

  consoleHandle = await openConsole({ rootDir, serverUrl, log: say });
  void consoleHandle.closed.then(() => !stopping && stopAll(0));
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  say(`Switchboard is running (${seconds} s). Server: ${serverUrl}`);
  if (consoleHandle.url) say(`Console: ${consoleHandle.url}`);
  say(`Sign in as ${DEMO_LOGIN.email} / ${DEMO_LOGIN.password}  ·  Ctrl-C stops everything`);
} catch (error) {
  say(error instanceof RedisNotFoundError ? error.message : `could not start: ${error instanceof Error ? error.message : String(error)}`);
  await stopAll(1);
}
