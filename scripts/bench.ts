// `pnpm bench`: runs every benchmark against real PostgreSQL and Redis (a throw-away database and key prefix),
// writes bench-results/report.json and prints each figure beside its baseline. `pnpm bench send` runs only the
// benchmarks whose name contains "send" (api, webhooks, send, leads, conversations).
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { createTestDatabase, deleteTestRedisKeys, newTestRedisPrefix, TEST_REDIS_URL } from '@switchboard/domain/testing';
import { benchApi } from './bench/api.bench.ts';
import { benchConversations } from './bench/conversations.bench.ts';
import { benchLeads } from './bench/leads.bench.ts';
import type { Figure } from './bench/measure.ts';
import { benchSending } from './bench/send.bench.ts';
import { benchWebhooks } from './bench/webhooks.bench.ts';

type Env = { databaseUrl: string; redisUrl: string; redisPrefix: string };
const benches: Record<string, (env: Env) => Promise<Figure[]>> = {
  api: benchApi,
  webhooks: benchWebhooks,
  send: benchSending,
  leads: benchLeads,
  conversations: benchConversations,
};
const only = process.argv[2];
const figures: Figure[] = [];
for (const [name, bench] of Object.entries(benches)) {
  if (only && !name.includes(only)) continue;
  // Each benchmark on its own database and key prefix, removed afterwards: what one leaves behind (a table to
  // vacuum, keys to expire) must not slow the next one down.
  const db = await createTestDatabase();
  const redisPrefix = newTestRedisPrefix();
  try {
    figures.push(...(await bench({ databaseUrl: db.url, redisUrl: TEST_REDIS_URL, redisPrefix })));
  } finally {
    await db.drop();
    await deleteTestRedisKeys(redisPrefix);
  }
}

const fmt = (n: number) => (n >= 100 ? Math.round(n).toLocaleString('en-US') : n.toFixed(2));
console.table(
  figures.map((f) => ({
    figure: f.name,
    value: `${fmt(f.value)} ${f.unit}`,
    baseline: f.baseline ? `${fmt(f.baseline.value)} (${f.baseline.name})` : '',
    target: f.target ?? '',
  })),
);
mkdirSync('bench-results', { recursive: true });
const report = { at: new Date().toISOString(), node: process.version, cpus: cpus().length, cpu: cpus()[0]?.model, figures };
writeFileSync('bench-results/report.json', `${JSON.stringify(report, null, 2)}\n`);
console.log('wrote bench-results/report.json');
process.exit(0);
