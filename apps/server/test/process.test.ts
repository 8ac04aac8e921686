import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';
import { expect, inject, it } from 'vitest';

const main = fileURLToPath(new URL('../src/main.ts', import.meta.url));

async function freePort(): Promise<number> {
  const probe = createServer().listen(0, '127.0.0.1');
  await once(probe, 'listening');
  const { port } = probe.address() as { port: number };
  probe.close();
  return port;
}

function run(env: Record<string, string | undefined>) {
  const child = spawn(process.execPath, [main], { env: { PATH: process.env.PATH ?? '', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout.on('data', (d) => (output += d));
  child.stderr.on('data', (d) => (output += d));
  const exited = once(child, 'exit').then(([code]) => code as number);
  return { child, exited, output: () => output };
}

it.each([
  { env: { REDIS_URL: 'redis://127.0.0.1:6379' }, says: 'DATABASE_URL: is required' },
  { env: { DATABASE_URL: 'postgres://127.0.0.1/x', REDIS_URL: 'redis://127.0.0.1:6379', PORT: 'abc' }, says: 'PORT:' },
  {
    env: { DATABASE_URL: 'postgres://127.0.0.1/x', REDIS_URL: 'http://127.0.0.1:6379' },
    says: 'REDIS_URL: must be a redis:// connection URL',
  },
])('a bad environment stops the server at once, naming the variable ($says)', { timeout: 30_000 }, async ({ env, says }) => {
  const proc = run(env);
  expect(await proc.exited).toBe(78);
  expect(proc.output()).toContain(says);
});

it.each([
  { case: 'NODE_ENV=production', env: { NODE_ENV: 'production' } },
  { case: 'NODE_ENV unset (a deployment that forgot it)', env: {} },
])('$case without SECRET_KEY refuses to start (78), naming SECRET_KEY', { timeout: 30_000 }, async ({ env }) => {
  const proc = run({
    DATABASE_URL: inject('databaseUrl'),
    REDIS_URL: inject('redisUrl'),
    PORT: String(await freePort()),
    ...env,
  });
  expect(await proc.exited).toBe(78);
  expect(proc.output()).toContain('SECRET_KEY: is required unless NODE_ENV is development or test');
});

/** Polls `url` until it answers 200 (the process may take seconds to start on a busy machine). */
async function becomesReady(url: string): Promise<boolean> {
  for (let i = 0; i < 200; i++) {
    const ok = await fetch(url).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return true;
    await new Promise((r) => setTimeout(r, 100));
  }
  return false;
}

const deployed = () => ({
  DATABASE_URL: inject('databaseUrl'),
  REDIS_URL: inject('redisUrl'),
  REDIS_PREFIX: `${inject('redisPrefix')}:proc`,
  SECRET_KEY: Buffer.alloc(32, 3).toString('base64'),
});

it('starts, becomes ready on its internal METRICS_PORT listener, and exits 0 on SIGTERM', { timeout: 30_000 }, async () => {
  const [port, metricsPort] = [await freePort(), await freePort()];
  const proc = run({ ...deployed(), PORT: String(port), METRICS_PORT: String(metricsPort), LOG_LEVEL: 'warn' });
  expect(await becomesReady(`http://127.0.0.1:${metricsPort}/readyz`)).toBe(true);
  expect((await fetch(`http://127.0.0.1:${port}/readyz`)).status).toBe(404);
  proc.child.kill('SIGTERM');
  expect(await proc.exited).toBe(0);
});

it('in production with neither METRICS_PORT nor METRICS_TOKEN, /metrics and /readyz answer 404 and the start log names both', {
  timeout: 30_000,
}, async () => {
  const port = await freePort();
  const proc = run({ ...deployed(), PORT: String(port), LOG_LEVEL: 'warn' });
  expect(await becomesReady(`http://127.0.0.1:${port}/healthz`)).toBe(true);
  expect((await fetch(`http://127.0.0.1:${port}/readyz`)).status).toBe(404);
  expect((await fetch(`http://127.0.0.1:${port}/metrics`)).status).toBe(404);
  expect(proc.output()).toMatch(/METRICS_PORT.*METRICS_TOKEN/);
  proc.child.kill('SIGTERM');
  expect(await proc.exited).toBe(0);
});
