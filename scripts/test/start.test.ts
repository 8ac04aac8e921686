// `pnpm start` for real: a local PostgreSQL and Redis in a fresh data folder, the demo login, Ctrl-C, and a
// second start on the same data; then recovery after the whole run was SIGKILLed.
import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, expect, it } from 'vitest';
import { stopLeftovers } from '../start/leftovers.ts';
import { freePort, isPortFree } from '../start/ports.ts';

const root = fileURLToPath(new URL('../..', import.meta.url));
const dataDir = mkdtempSync(join(tmpdir(), 'sb-start-'));
const runs: Run[] = [];
afterAll(async () => {
  // Even when a test failed half-way, leave no process behind.
  for (const run of runs) if (run.child.exitCode === null && run.child.signalCode === null) run.child.kill('SIGINT');
  await Promise.all(runs.map((r) => r.exited));
  await stopLeftovers(dataDir, () => undefined);
  rmSync(dataDir, { recursive: true, force: true });
});

interface Run {
  child: ChildProcess;
  output: () => string;
  exited: Promise<number | null>;
  ready: Promise<{ consoleUrl: string }>;
}

function start(port: number): Run {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    SWITCHBOARD_DATA_DIR: dataDir,
    SWITCHBOARD_CONSOLE: 'browser',
    PORT: String(port),
    LOG_LEVEL: 'warn',
  };
  delete env.DATABASE_URL;
  delete env.REDIS_URL;
  const child = spawn(process.execPath, ['scripts/start.ts'], { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const ready = new Promise<{ consoleUrl: string }>((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk;
      const url = output.match(/Console: (\S+)/)?.[1];
      if (url && output.includes('Sign in as demo@switchboard.local')) resolve({ consoleUrl: url });
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', (code) => reject(new Error(`start exited ${code} before ready:\n${output}`)));
  });
  ready.catch(() => undefined);
  const run = { child, output: () => output, exited: once(child, 'exit').then(([code]) => code as number | null), ready };
  runs.push(run);
  return run;
}

async function demoLogin(port: number): Promise<string> {
  const res = await fetch(`http://127.0.0.1:${port}/trpc/auth.login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: 'demo@switchboard.local', password: 'switchboard-demo' }),
  });
  expect(res.status).toBe(200);
  return ((await res.json()) as { result: { data: { token: string } } }).result.data.token;
}

const servicePorts = (output: string) => [...output.matchAll(/(?:PostgreSQL|Redis) ready \(127\.0\.0\.1:(\d+)/g)].map((m) => Number(m[1]));

it('starts from nothing, serves the console and the demo login, and Ctrl-C stops everything', async () => {
  const port = await freePort();
  const run = start(port);
  const { consoleUrl } = await run.ready;
  expect(consoleUrl).toContain(`server=${encodeURIComponent(`http://127.0.0.1:${port}`)}`);
  expect(await (await fetch(consoleUrl)).text()).toContain('<div id="root">');
  await demoLogin(port);
  const ports = servicePorts(run.output());
  expect(ports).toHaveLength(2);

  run.child.kill('SIGINT');
  expect(await run.exited).toBe(0);
  for (const p of [port, ...ports]) expect(await isPortFree(p)).toBe(true);
});

it('a second start reuses the data: the same demo company, seeded once', async () => {
  const port = await freePort();
  const run = start(port);
  await run.ready;
  const token = await demoLogin(port);
  const agents = await fetch(`http://127.0.0.1:${port}/trpc/agents.list`, { headers: { authorization: `Bearer ${token}` } });
  // The seed's two demo agents, not four: the database was reused, not seeded again.
  expect(((await agents.json()) as { result: { data: unknown[] } }).result.data).toHaveLength(2);
  expect(run.output()).not.toContain('initialising a local PostgreSQL');
  run.child.kill('SIGINT');
  expect(await run.exited).toBe(0);
});

it('after a SIGKILL of the whole run, the next start stops the leftovers and works', async () => {
  const port = await freePort();
  const first = start(port);
  await first.ready;
  // Kill start.ts and, as a crash would, leave its children (own process groups) running.
  first.child.kill('SIGKILL');
  await first.exited;
  const port2 = await freePort();
  const second = start(port2);
  await second.ready;
  for (const name of ['postgres', 'redis', 'server', 'worker']) {
    expect(second.output()).toMatch(new RegExp(`stopping a ${name} left running by an earlier run`, 'i'));
  }
  // The first run's server no longer answers on its port.
  expect(await isPortFree(port)).toBe(true);
  await demoLogin(port2);
  second.child.kill('SIGINT');
  expect(await second.exited).toBe(0);
});
