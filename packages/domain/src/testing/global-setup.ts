// Vitest global setup: one migrated throw-away database and one Redis prefix per test run, both removed at the end.
// Test files share them and stay apart by creating their own companies (the product's tenancy).
import type { TestProject } from 'vitest/node';
import { createTestDatabase, deleteTestRedisKeys, newTestRedisPrefix, TEST_REDIS_URL } from './test-database.ts';

export default async function setup(project: TestProject) {
  const db = await createTestDatabase();
  project.provide('databaseUrl', db.url);
  project.provide('redisUrl', TEST_REDIS_URL);
  const redisPrefix = newTestRedisPrefix();
  project.provide('redisPrefix', redisPrefix);
  return async () => {
    await db.drop();
    await deleteTestRedisKeys(redisPrefix);
  };
}
