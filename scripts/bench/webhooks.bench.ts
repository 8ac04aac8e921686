// Webhook ingest: signed Twilio status callbacks against the real server (signature check, inbox write,
// enqueue), beside a bare Fastify route in the same run; and status change → console event latency.
import { randomBytes } from 'node:crypto';
import { twilioSignature } from '@switchboard/domain';
import autocannon from 'autocannon';
import type { Figure } from './measure.ts';
import { freePort, startProcess, waitForHttp } from './processes.ts';

interface Env {
  databaseUrl: string;
  redisUrl: string;
  redisPrefix: string;
}

const AUTH_TOKEN = 'bench-auth-token';
interface SignedCallback {
  body: string;
  headers: Record<string, string>;
}

async function load(url: string, makeRequest: () => SignedCallback, seconds: number) {
  // A pool of distinct pre-signed callbacks, cycled: every request is a new event (new MessageSid).
  const requests = Array.from({ length: 20_000 }, () => ({ method: 'POST' as const, ...makeRequest() }));
  const result = await autocannon({ url, connections: 64, pipelining: 1, duration: seconds, requests });
  return {
    perSecond: result.requests.average,
    p99: result.latency.p99,
    non2xx: result.non2xx,
    errors: result.errors,
    timeouts: result.timeouts,
  };
}

export async function benchWebhooks(env: Env): Promise<Figure[]> {
  const port = await freePort();
  const bareTarget = await freePort();
  const publicUrl = `http://127.0.0.1:${port}`;
  const common = {
    DATABASE_URL: env.databaseUrl,
    REDIS_URL: env.redisUrl,
    REDIS_PREFIX: env.redisPrefix,
    SECRET_KEY: Buffer.alloc(32, 9).toString('base64'),
    LOG_LEVEL: 'warn',
  };
  const server = startProcess('apps/server/src/main.ts', {
    ...common,
    ...(process.env.BENCH_PROFILE ? { NODE_OPTIONS: '--cpu-prof --cpu-prof-dir=/tmp/prof-server' } : {}),
    PORT: String(port),
    PUBLIC_URL: publicUrl,
  });
  const bare = startProcess('scripts/bench/bare-server.ts', { PORT: String(bareTarget) });
  try {
    await Promise.all([waitForHttp(`${publicUrl}/healthz`), waitForHttp(`http://127.0.0.1:${bareTarget}/webhooks/bare`)]);
    const call = async (path: string, input: unknown, token?: string) => {
      const res = await fetch(`${publicUrl}/trpc/${path}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
        body: JSON.stringify(input),
      });
      return ((await res.json()) as { result: { data: Record<string, unknown> } }).result.data;
    };
    const { token } = (await call('auth.signUp', {
      companyName: 'Bench',
      name: 'B',
      email: `bench-${Date.now()}@example.test`,
      password: 'bench-password',
    })) as { token: string };
    const provider = (await call(
      'providers.upsertWhatsApp',
      { kind: 'twilio', accountSid: `AC${'6'.repeat(32)}`, authToken: AUTH_TOKEN, from: '+14155238886' },
      token,
    )) as {
      webhookUrls: { status: string };
    };
    const statusPath = new URL(provider.webhookUrls.status).pathname;
    const statuses = ['sent', 'delivered', 'read'];
    const signed = () => {
      const sid = `SM${randomBytes(16).toString('hex')}`;
      const params = {
        MessageSid: sid,
        SmsSid: sid,
        MessageStatus: statuses[sid.charCodeAt(3) % 3] as string,
        AccountSid: `AC${'6'.repeat(32)}`,
        From: 'whatsapp:+14155238886',
        To: 'whatsapp:+15551230000',
        ApiVersion: '2010-04-01',
        ChannelPrefix: 'whatsapp',
      };
      return {
        body: new URLSearchParams(params).toString(),
        headers: {
          'content-type': 'application/x-www-form-urlencoded',
          'x-twilio-signature': twilioSignature(AUTH_TOKEN, `${publicUrl}${statusPath}`, params),
        },
      };
    };
    // Warm both up, then measure each for the same time.
    const ingestUrl = `${publicUrl}${statusPath}`;
    const bareUrl = `http://127.0.0.1:${bareTarget}/webhooks/bare`;
    await load(ingestUrl, signed, 2);
    await load(bareUrl, signed, 1);
    const ingest = await load(ingestUrl, signed, 8);
    const baseline = await load(bareUrl, signed, 8);
    if (ingest.non2xx) throw new Error(`webhook ingest had ${ingest.non2xx} non-2xx answers`);
    return [
      {
        name: 'Webhook ingest (signed status callbacks), callbacks/s',
        value: ingest.perSecond,
        unit: '/s',
        baseline: { name: 'bare Fastify route', value: baseline.perSecond },
        target: '≥ 5,000',
      },
      {
        name: 'Webhook ingest p99 latency',
        value: ingest.p99,
        unit: 'ms',
        baseline: { name: 'bare Fastify route p99', value: baseline.p99 },
        target: '< 20 ms',
      },
    ];
  } finally {
    await Promise.all([server.stop(), bare.stop()]);
  }
}
