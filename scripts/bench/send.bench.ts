// The send pipeline end to end (queued message → send worker → zero-latency fake Twilio → provider id stored),
// beside raw BullMQ add-and-process of the same number of no-op jobs; and a status callback's way to a console
// (signed POST → inbox → worker → event stream → SSE), the latency a user sees on the ticks.
import { randomUUID } from 'node:crypto';
import {
  bullPrefix,
  connectRedis,
  Lead,
  LoginThrottle,
  openOrm,
  SecretBox,
  signUp,
  systemClock,
  TenantScope,
  twilioSignature,
  upsertWhatsappProvider,
  WhatsappSession,
} from '@switchboard/domain';
import { FakeTwilio } from '@switchboard/domain/testing';
import { Queue, Worker } from 'bullmq';
import { cpuGroups, startCpuMeter } from './cpu-usage.ts';
import { type Figure, percentile } from './measure.ts';
import { freePort, startProcess, waitForHttp } from './processes.ts';
import { openEventStream } from './sse-reader.ts';

const MESSAGES = 10_000;
const WARM_UP = 3_000;
const COMPANIES = 5;
const AUTH_TOKEN = 'bench-send-token';

interface Env {
  databaseUrl: string;
  redisUrl: string;
  redisPrefix: string;
}

async function until(check: () => Promise<boolean>, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('benchmark timed out');
    await new Promise((r) => setTimeout(r, 20));
  }
}

async function rawBullmq(env: Env): Promise<number> {
  const redis = connectRedis({ url: env.redisUrl, prefix: env.redisPrefix });
  const prefix = bullPrefix(`${env.redisPrefix}:raw`);
  const queue = new Queue('raw', { connection: redis, prefix });
  let done = 0;
  const finished = Promise.withResolvers<void>();
  const worker = new Worker(
    'raw',
    async () => {
      if (++done === MESSAGES) finished.resolve();
    },
    { connection: redis.duplicate(), prefix, concurrency: 200 },
  );
  const start = performance.now();
  for (let i = 0; i < MESSAGES; i += 1000) {
    await queue.addBulk(
      Array.from({ length: 1000 }, (_, j) => ({
        name: 'job',
        data: { messageId: randomUUID() },
        opts: { jobId: `raw-${i + j}`, removeOnComplete: true },
      })),
    );
  }
  await finished.promise;
  const seconds = (performance.now() - start) / 1000;
  await worker.close();
  await queue.obliterate({ force: true });
  await queue.close();
  redis.disconnect();
  return MESSAGES / seconds;
}

interface BenchCompany {
  companyId: string;
  token: string;
  provider: { id: string };
  leadId: string;
  sessionId: string;
}

async function benchCompany(
  orm: Awaited<ReturnType<typeof openOrm>>,
  redis: ReturnType<typeof connectRedis>,
  redisPrefix: string,
  opts: { secretKey: Buffer; publicUrl: string; index: number },
): Promise<BenchCompany> {
  const { user, token } = await signUp(
    { em: orm.em, clock: systemClock, throttle: new LoginThrottle(redis, redisPrefix) },
    {
      companyName: `Send bench ${opts.index}`,
      name: 'B',
      email: `send-bench-${opts.index}-${Date.now()}@example.test`,
      password: 'bench-password',
    },
  );
  const scope = new TenantScope(orm.em.fork(), user.companyId, systemClock);
  const provider = await upsertWhatsappProvider(
    scope,
    { secrets: new SecretBox(opts.secretKey), publicUrl: opts.publicUrl },
    { kind: 'twilio', accountSid: `AC${'7'.repeat(32)}`, authToken: AUTH_TOKEN, from: `+1415523888${opts.index}`, messagesPerSecond: 1000 },
  );
  const lead = scope.create(Lead, { name: 'Bench Lead', phone: `+1415555000${opts.index}`, whatsappOptIn: true });
  const session = scope.create(WhatsappSession, {
    lead: lead.id,
    provider: provider.id,
    lastInboundAt: new Date(),
    windowEndsAt: new Date(Date.now() + 20 * 3600_000),
  });
  await scope.em.flush();
  return { companyId: user.companyId, token, provider, leadId: lead.id, sessionId: session.id };
}

export async function benchSending(env: Env): Promise<Figure[]> {
  const fake = await new FakeTwilio().start();
  const orm = await openOrm(env.databaseUrl);
  const redis = connectRedis({ url: env.redisUrl, prefix: env.redisPrefix });
  const secretKey = Buffer.alloc(32, 9);
  const port = await freePort();
  const publicUrl = `http://127.0.0.1:${port}`;
  const common = {
    DATABASE_URL: env.databaseUrl,
    REDIS_URL: env.redisUrl,
    REDIS_PREFIX: env.redisPrefix,
    SECRET_KEY: secretKey.toString('base64'),
    LOG_LEVEL: 'warn',
    PUBLIC_URL: publicUrl,
  };
  const server = startProcess('apps/server/src/main.ts', { ...common, PORT: String(port) });
  const worker = startProcess('apps/worker/src/main.ts', {
    ...common,
    ...(process.env.BENCH_PROFILE
      ? { NODE_OPTIONS: process.env.BENCH_PROFILE === 'perf' ? '--perf-basic-prof' : '--cpu-prof --cpu-prof-dir=/tmp/prof' }
      : {}),
    TWILIO_API_URL: fake.url,
    SEND_CONCURRENCY: '200',
    HEARTBEAT_EVERY_SECONDS: '3600',
  });
  try {
    await waitForHttp(`${publicUrl}/healthz`);
    // Several companies, each with its own sender at WhatsApp's highest per-sender rate (1,000/s): one sender
    // alone would cap the figure at its rate limit, which is policy, not pipeline speed.
    const companies: BenchCompany[] = [];
    for (let c = 0; c < COMPANIES; c++) companies.push(await benchCompany(orm, redis, env.redisPrefix, { secretKey, publicUrl, index: c }));
    const { token, provider } = companies[0] as BenchCompany;

    const sendQueue = new Queue('send', { connection: redis, prefix: bullPrefix(env.redisPrefix) });
    const conn = orm.em.getConnection();
    const cpuRoles = cpuGroups({
      worker: [worker.child.pid ?? 0],
      PostgreSQL: 'postgres',
      Redis: 'redis-server',
      'fake Twilio and this load generator': [process.pid],
    });
    /** Queues `count` messages spread over the companies and waits until every one has its provider id. */
    const sendBatch = async (count: number) => {
      // Queued messages written in bulk, as a campaign would; the pipeline's work is everything after.
      const byCompany = companies.map((company) => ({ company, ids: Array.from({ length: count / COMPANIES }, () => randomUUID()) }));
      for (const { company, ids } of byCompany) {
        for (let i = 0; i < ids.length; i += 1000) {
          const chunk = ids.slice(i, i + 1000);
          await conn.execute(
            `insert into messages (id, company_id, lead_id, session_id, direction, kind, body, status, created_at)
             values ${chunk.map(() => `(?, ?, ?, ?, 'outbound', 'text', ?, 'queued', now())`).join(', ')}`,
            chunk.flatMap((id) => [id, company.companyId, company.leadId, company.sessionId, `Bench message ${id}`]),
          );
        }
      }
      // Interleaved, as several campaigns running at once would be.
      const ids = byCompany.flatMap((c) => c.ids).sort();
      const expected = fake.messages.length + count;
      const meter = startCpuMeter(cpuRoles);
      const start = performance.now();
      for (let i = 0; i < ids.length; i += 1000) {
        await sendQueue.addBulk(
          ids
            .slice(i, i + 1000)
            .map((messageId) => ({ name: 'send', data: { messageId }, opts: { jobId: messageId, removeOnComplete: true } })),
        );
      }
      await until(async () => fake.messages.length >= expected, 120_000);
      await until(async () => {
        const [row] = await conn.execute<{ n: string }[]>(
          `select count(*) as n from messages where id in (?) and provider_message_id is not null`,
          [ids],
        );
        return Number(row?.n) === count;
      }, 60_000);
      const seconds = (performance.now() - start) / 1000;
      const cpu = meter();
      if (fake.messages.length !== expected) throw new Error(`the fake received ${fake.messages.length} sends for ${expected} messages`);
      return { seconds, cpu, firstCompanyIds: byCompany[0]?.ids ?? [] };
    };

    // A worker that just started runs its code unoptimised for a few seconds; the figure is for one that has run.
    await sendBatch(WARM_UP);
    const { seconds, cpu, firstCompanyIds } = await sendBatch(MESSAGES);
    const pipelinePerSecond = MESSAGES / seconds;
    await sendQueue.close();

    // Status callback → console event.
    const stream = await openEventStream(publicUrl, token);
    const statusUrl = `${publicUrl}/webhooks/twilio/${provider.id}/status`;
    const latencies: number[] = [];
    for (const id of firstCompanyIds.slice(0, 300)) {
      const url = `${statusUrl}?mid=${id}`;
      const params = { MessageSid: `SM${id.replaceAll('-', '')}`, MessageStatus: 'delivered', AccountSid: `AC${'7'.repeat(32)}` };
      const t0 = performance.now();
      await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-twilio-signature': twilioSignature(AUTH_TOKEN, url, params) },
        body: new URLSearchParams(params).toString(),
      });
      while (!(await stream.next()).includes(id)) {}
      latencies.push(performance.now() - t0);
    }
    await stream.close();
    latencies.sort((a, b) => a - b);

    const raw = await rawBullmq(env);
    return [
      {
        name: `Send pipeline, ${MESSAGES.toLocaleString('en-US')} messages to a zero-latency fake, messages/s`,
        value: pipelinePerSecond,
        unit: '/s',
        baseline: { name: 'raw BullMQ add + no-op process', value: raw },
        target: '≥ 2,000',
      },
      ...Object.entries(cpu).map(([role, cpuSeconds]) => ({
        name: `Send pipeline CPU per message: ${role}`,
        value: (cpuSeconds / MESSAGES) * 1e6,
        unit: 'µs',
      })),
      {
        name: 'Status callback → console event, p95',
        value: percentile(latencies, 95),
        unit: 'ms',
        baseline: { name: 'p50', value: percentile(latencies, 50) },
        target: '< 50 ms',
      },
    ];
  } finally {
    await Promise.all([server.stop(), worker.stop()]);
    await fake.stop();
    redis.disconnect();
    await orm.close();
  }
}
