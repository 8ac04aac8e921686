// The API's own overhead: agents.list over tRPC (auth, tenant scope, PostgreSQL) beside a bare Fastify
// route in the same process, and how long a change takes to reach a subscribed console.

import { createLogger } from '@switchboard/domain';
import { openTestServices, uniqueEmail } from '@switchboard/domain/testing';
import { buildServer } from '@switchboard/server';
import Fastify from 'fastify';
import { closedLoop, type Figure, percentile } from './measure.ts';
import { openEventStream } from './sse-reader.ts';

export async function benchApi(env: { databaseUrl: string; redisUrl: string; redisPrefix: string }): Promise<Figure[]> {
  const services = await openTestServices(env);
  const app = await buildServer({ ...services, logger: createLogger('bench', 'silent') });
  const url = await app.listen({ port: 0, host: '127.0.0.1' });
  const bare = Fastify();
  bare.get('/ping', async () => ({ ok: true }));
  const bareUrl = await bare.listen({ port: 0, host: '127.0.0.1' });

  const signUp = await fetch(`${url}/trpc/auth.signUp`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ companyName: 'Bench', name: 'Bench', email: uniqueEmail('bench'), password: 'bench-password' }),
  });
  const { token } = ((await signUp.json()) as { result: { data: { token: string } } }).result.data;
  const auth = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
  for (let i = 0; i < 20; i++) {
    await fetch(`${url}/trpc/agents.create`, {
      method: 'POST',
      headers: auth,
      body: JSON.stringify({ name: `Agent ${i}`, channels: ['voice', 'whatsapp'] }),
    });
  }

  const load = { concurrency: 16, durationMs: 3000 };
  const bareRun = await closedLoop(async () => void (await (await fetch(`${bareUrl}/ping`)).arrayBuffer()), load);
  const listRun = await closedLoop(
    async () => void (await (await fetch(`${url}/trpc/agents.list`, { headers: auth })).arrayBuffer()),
    load,
  );

  // Change → console: time from publishing an event to the subscriber receiving it over SSE.
  const latencies: number[] = [];
  const me = (await (await fetch(`${url}/trpc/auth.me`, { headers: auth })).json()) as { result: { data: { companyId: string } } };
  const companyId = me.result.data.companyId;
  const stream = await openEventStream(url, token);
  for (let i = 0; i < 300; i++) {
    const t0 = performance.now();
    await services.events.publish(companyId, { type: 'bench.ping', at: new Date().toISOString(), data: { i } });
    while (!(await stream.next()).includes('bench.ping')) {}
    latencies.push(performance.now() - t0);
  }
  await stream.close();
  latencies.sort((a, b) => a - b);

  await app.close();
  await bare.close();
  await services.close();
  return [
    {
      name: 'tRPC agents.list (20 agents), requests/s',
      value: listRun.perSecond,
      unit: 'req/s',
      baseline: { name: 'bare Fastify route', value: bareRun.perSecond },
    },
    {
      name: 'tRPC agents.list p99 latency',
      value: listRun.p99,
      unit: 'ms',
      baseline: { name: 'bare Fastify route p99', value: bareRun.p99 },
    },
    {
      name: 'event published → SSE subscriber, p95',
      value: percentile(latencies, 95),
      unit: 'ms',
      baseline: { name: 'p50', value: percentile(latencies, 50) },
      target: '< 50 ms',
    },
  ];
}
