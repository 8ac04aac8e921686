// Throw-away PostgreSQL databases and Redis prefixes for test runs: real services, nothing shared between runs.
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { migrate, openOrm } from '../db/orm.ts';
import { connectRedis } from '../redis/redis.ts';

export const TEST_ADMIN_URL = process.env.TEST_DATABASE_ADMIN_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres';
export const TEST_REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

const runId = () => `${Date.now().toString(36)}_${randomBytes(3).toString('hex')}`;

export interface TestDatabase {
  url: string;
  name: string;
  drop(): Promise<void>;
}

/** Creates an empty database; `migrated` also applies every migration. */
export async function createTestDatabase(opts: { migrated?: boolean } = {}): Promise<TestDatabase> {
  const name = `sb_test_${runId()}`;
  const admin = new pg.Client({ connectionString: TEST_ADMIN_URL });
  await admin.connect();
  await admin.query(`create database "${name}"`);
  await admin.end();
  const url = new URL(TEST_ADMIN_URL);
  url.pathname = `/${name}`;
  if (opts.migrated !== false) {
    const orm = await openOrm(url.toString());
    await migrate(orm);
    await orm.close();
  }
  return {
    url: url.toString(),
    name,
    async drop() {
      const c = new pg.Client({ connectionString: TEST_ADMIN_URL });
      await c.connect();
      await c.query(`drop database if exists "${name}" with (force)`);
      await c.end();
    },
  };
}

export const newTestRedisPrefix = () => `sbtest_${runId()}`;

/** Removes every key of a test run's prefix: queue keys carry it in braces (a Redis Cluster hash tag), the rest plainly. */
export async function deleteTestRedisKeys(prefix: string): Promise<void> {
  const redis = connectRedis({ url: TEST_REDIS_URL, prefix });
  try {
    for (const pattern of [`${prefix}:*`, `{${prefix}*`]) {
      for await (const keys of redis.scanStream({ match: pattern, count: 1000 })) {
        if ((keys as string[]).length) await redis.del(...(keys as string[]));
      }
    }
  } finally {
    redis.disconnect();
  }
}
