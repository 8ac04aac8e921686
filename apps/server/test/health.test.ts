import { afterAll, beforeAll, expect, it } from 'vitest';
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
