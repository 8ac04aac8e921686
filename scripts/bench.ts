// `pnpm bench`: runs every benchmark against real PostgreSQL and Redis (a throw-away database and key prefix),
// writes bench-results/report.json and prints each figure beside its baseline. `pnpm bench send` runs only the
// benchmarks whose name contains "send" (api, webhooks, send).
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { createTestDatabase, newTestRedisPrefix, TEST_REDIS_URL } from '@switchboard/domain/testing';
import { benchApi } from './bench/api.bench.ts';
import type { Figure } from './bench/measure.ts';
import { benchSending } from './bench/send.bench.ts';
import { benchWebhooks } from './bench/webhooks.bench.ts';

const db = await createTestDatabase();
const env = { databaseUrl: db.url, redisUrl: TEST_REDIS_URL, redisPrefix: newTestRedisPrefix() };
const benches: Record<string, () => Promise<Figure[]>> = {
  api: () => benchApi(env),
  webhooks: () => benchWebhooks({ ...env, redisPrefix: `${env.redisPrefix}:hooks` }),
  send: () => benchSending({ ...env, redisPrefix: `${env.redisPrefix}:send` }),
};
const only = process.argv[2];
const figures: Figure[] = [];
try {
  for (const [name, bench] of Object.entries(benches)) {
    if (!only || name.includes(only)) figures.push(...(await bench()));
  }
} finally {
  await db.drop();
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
