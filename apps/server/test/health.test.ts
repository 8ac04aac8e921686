import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { observabilityAccess } from '../src/config/observability-access.ts';
import { loadServerEnv } from '../src/config/server-env.ts';
import { startServer } from '../src/runtime.ts';
import { startTestServer, type TestServer } from './test-server.ts';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({ prefix: 'health' });
});
afterAll(() => server.close());

it('/healthz answers 200 while the process runs', async () => {
  const res = await fetch(`${server.url}/healthz`);
  expect(res.status).toBe(200);
});

it('/readyz is 200 when PostgreSQL and Redis answer', async () => {
  const res = await fetch(`${server.url}/readyz`);
  expect(res.status).toBe(200);
  expect(await res.json()).toEqual({ status: 'ready', postgres: 'ok', redis: 'ok' });
});

it('/metrics exposes Prometheus metrics with per-route request counts', async () => {
  await fetch(`${server.url}/healthz`);
  const text = await (await fetch(`${server.url}/metrics`)).text();
  expect(text).toContain('process_cpu_seconds_total');
  expect(text).toMatch(/http_requests_total\{method="GET",route="\/healthz",status="200"\} \d+/);
});

describe('who may read /metrics and /readyz', () => {
  const base = { DATABASE_URL: 'postgres://127.0.0.1/db', REDIS_URL: 'redis://127.0.0.1:6379' };
  const token = 'metrics-token-0123456789';
  it.each([
    { env: { METRICS_PORT: '9464' }, access: { kind: 'internal', port: 9464, host: '127.0.0.1' } },
    {
      env: { METRICS_PORT: '9464', METRICS_HOST: '10.0.0.5', METRICS_TOKEN: token },
      access: { kind: 'internal', port: 9464, host: '10.0.0.5', token },
    },
    { env: { METRICS_TOKEN: token }, access: { kind: 'token', token } },
    { env: { NODE_ENV: 'development' }, access: { kind: 'open' } },
    { env: { NODE_ENV: 'test' }, access: { kind: 'open' } },
    { env: { NODE_ENV: 'production' }, access: { kind: 'closed' } },
    { env: {}, access: { kind: 'closed' } },
  ])('$env → $access.kind', ({ env, access }) => {
    expect(observabilityAccess(loadServerEnv({ ...base, ...env }))).toEqual(access);
  });

  it('with METRICS_TOKEN, /metrics and /readyz need the bearer token; /healthz stays public', async () => {
    const guarded = await startTestServer({ prefix: 'health-token', observability: { kind: 'token', token } });
    try {
      const get = (path: string, authorization?: string) =>
        fetch(`${guarded.url}${path}`, authorization ? { headers: { authorization } } : {}).then((r) => r.status);
      for (const path of ['/metrics', '/readyz']) {
        expect(await get(path)).toBe(401);
        expect(await get(path, 'Bearer wrong-token')).toBe(401);
        expect(await get(path, `Bearer ${token}`)).toBe(200);
      }
      expect(await get('/healthz')).toBe(200);
    } finally {
      await guarded.close();
    }
  });

  it('with neither set outside development and test, /metrics and /readyz answer 404; /healthz stays public', async () => {
    const closed = await startTestServer({ prefix: 'health-closed', observability: { kind: 'closed' } });
    try {
      expect((await fetch(`${closed.url}/metrics`)).status).toBe(404);
      expect((await fetch(`${closed.url}/readyz`)).status).toBe(404);
      expect((await fetch(`${closed.url}/healthz`)).status).toBe(200);
    } finally {
      await closed.close();
    }
  });

  it('with METRICS_PORT, an internal listener serves /metrics, /readyz and /healthz, and the public one no longer serves the first two', async () => {
    const running = await startServer(
      loadServerEnv({
        DATABASE_URL: inject('databaseUrl'),
        REDIS_URL: inject('redisUrl'),
        REDIS_PREFIX: `${inject('redisPrefix')}:health-internal`,
        SECRET_KEY: Buffer.alloc(32, 7).toString('base64'),
        PORT: '0',
        METRICS_PORT: '0',
        LOG_LEVEL: 'silent',
      }),
    );
    try {
      const internal = running.metricsUrl as string;
      expect(internal).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      await fetch(`${running.url}/healthz`);
      expect((await fetch(`${internal}/readyz`)).status).toBe(200);
      expect((await fetch(`${internal}/healthz`)).status).toBe(200);
      // The internal listener counts the public listener's requests.
      expect(await (await fetch(`${internal}/metrics`)).text()).toMatch(
        /http_requests_total\{method="GET",route="\/healthz",status="200"\} \d+/,
      );
      expect((await fetch(`${running.url}/metrics`)).status).toBe(404);
      expect((await fetch(`${running.url}/readyz`)).status).toBe(404);
      expect((await fetch(`${running.url}/healthz`)).status).toBe(200);
    } finally {
      await running.close();
    }
  });
});
