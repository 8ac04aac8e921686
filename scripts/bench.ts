// `pnpm bench`: runs every benchmark against real PostgreSQL and Redis (a throw-away database and key prefix),
// writes bench-results/report.json and prints each figure beside its baseline.
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { createTestDatabase, newTestRedisPrefix, TEST_REDIS_URL } from '@switchboard/domain/testing';
import { benchApi } from './bench/api.bench.ts';
import type { Figure } from './bench/measure.ts';
import { benchSending } from './bench/send.bench.ts';
import { benchWebhooks } from './bench/webhooks.bench.ts';

const db = await createTestDatabase();
const env = { databaseUrl: db.url, redisUrl: TEST_REDIS_URL, redisPrefix: newTestRedisPrefix() };
const figures: Figure[] = [];
try {
  figures.push(...(await benchApi(env)));
  figures.push(...(await benchWebhooks({ ...env, redisPrefix: `${env.redisPrefix}:hooks` })));
  figures.push(...(await benchSending({ ...env, redisPrefix: `${env.redisPrefix}:send` })));
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
